package io.polaroid.server.flight;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.polaroid.server.ingest.BulkStatement;
import io.polaroid.server.metadata.IpcSchemas;
import io.polaroid.server.session.ClientSession;
import io.polaroid.server.session.Execution;
import io.polaroid.server.session.ServerStatement;
import io.polaroid.server.session.SessionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.DoPutPreparedStatementResult;

/**
 * Prepared statements: create (the handle, the dataset schema — no fields for a statement that returns an
 * update count, which is how the official JDBC driver tells updates from queries — and the parameter
 * schema), bind parameter rows ({@code DoPut} of a {@code CommandPreparedStatementQuery}), execute as a
 * query (a {@code GetFlightInfo} plans a run with the rows bound at that moment) or as an update (the rows
 * come in the same {@code DoPut}), and close.
 */
final class PreparedStatementCalls {
    private final ServerServices services;
    private final CallSessions sessions;
    private final StatementUpdates updates;

    PreparedStatementCalls(ServerServices services, CallSessions sessions, StatementUpdates updates) {
        this.services = Objects.requireNonNull(services, "services");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.updates = Objects.requireNonNull(updates, "updates");
    }

    void create(ActionCreatePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            ClientSession session = sessions.session(context);
            ServerStatement statement;
            try (ClientSession.Use use = session.use()) {
                statement = registry().prepare(session, request.getQuery());
            }
            ActionCreatePreparedStatementResult result = ActionCreatePreparedStatementResult.newBuilder()
                    .setPreparedStatementHandle(statement.handle())
                    .setDatasetSchema(ByteString.copyFrom(IpcSchemas.serialize(statement.resultSchema())))
                    .setParameterSchema(ByteString.copyFrom(IpcSchemas.serialize(statement.parameterSchema())))
                    .build();
            listener.onNext(new Result(Any.pack(result).toByteArray()));
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    /** Closing a handle that is already gone succeeds: the client's goal, no statement, is reached. */
    void close(ActionClosePreparedStatementRequest request, CallContext context, StreamListener<Result> listener) {
        try {
            registry().closeStatement(request.getPreparedStatementHandle(), CallSessions.identity(context));
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    FlightInfo plan(CommandPreparedStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        SessionRegistry.Owned owned = owned(command.getPreparedStatementHandle(), context);
        ServerStatement statement = owned.statement();
        services.authorizer().check(CallSessions.identity(context), statement.operation(), statement.sql());
        Execution execution = services.executions().register(owned.session(), statement, false, statement.boundRows());
        return FlightInfos.forExecution(statement.resultSchema(), descriptor, execution.ticket());
    }

    SchemaResult schema(CommandPreparedStatementQuery command, CallContext context) {
        return new SchemaResult(owned(command.getPreparedStatementHandle(), context).statement().resultSchema());
    }

    /**
     * A {@code DoGet} of the command itself (clients that skip {@code GetFlightInfo}): plans a run with the
     * bound rows and streams it at once.
     */
    void stream(CommandPreparedStatementQuery command, CallContext context, ServerStreamListener listener,
                ExecutionStreamer streamer) {
        Execution execution;
        try {
            SessionRegistry.Owned owned = owned(command.getPreparedStatementHandle(), context);
            ServerStatement statement = owned.statement();
            execution = services.executions().register(owned.session(), statement, false, statement.boundRows());
            execution = services.executions().start(execution.ticket(), CallSessions.identity(context));
        } catch (RuntimeException | Error e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        streamer.stream(execution, CallSessions.identity(context), listener);
    }

    /** Binds the uploaded rows as the statement's parameters for its next query executions. */
    Runnable bind(CommandPreparedStatementQuery command, CallContext context, FlightStream upload,
                  StreamListener<PutResult> ack) {
        return () -> {
            try {
                ServerStatement statement = owned(command.getPreparedStatementHandle(), context).statement();
                statement.bind(readRows(upload));
                // the same handle: this server keeps the bound rows, so clients need not switch handles
                PutResults.send(ack, DoPutPreparedStatementResult.newBuilder()
                        .setPreparedStatementHandle(statement.handle()).build(), services.allocator());
                ack.onCompleted();
            } catch (RuntimeException | Error e) {
                ack.onError(FlightErrors.toFlight(e));
            }
        };
    }

    /**
     * Runs the statement as an update with the uploaded rows (or, when none came, the rows bound before).
     * A bulk {@code INSERT} writes the uploaded batches as they arrive, without turning them into rows.
     */
    Runnable update(CommandPreparedStatementUpdate command, CallContext context, FlightStream upload,
                    StreamListener<PutResult> ack) {
        return () -> {
            try {
                SessionRegistry.Owned owned = owned(command.getPreparedStatementHandle(), context);
                ServerStatement statement = owned.statement();
                long count;
                if (statement instanceof BulkStatement) {
                    count = updates.run(owned.session(), statement, CallSessions.identity(context), List.of(),
                            new FlightStreamBatches(upload));
                } else {
                    List<List<Object>> rows = readRows(upload);
                    count = updates.run(owned.session(), statement, CallSessions.identity(context),
                            rows.isEmpty() ? statement.boundRows() : rows, null);
                }
                PutResults.updateCount(ack, count, services.allocator());
            } catch (RuntimeException | Error e) {
                ack.onError(FlightErrors.toFlight(e));
            }
        };
    }

    private SessionRegistry.Owned owned(ByteString handle, CallContext context) {
        return registry().statement(handle, CallSessions.identity(context));
    }

    private SessionRegistry registry() {
        return services.sessions();
    }

    private static List<List<Object>> readRows(FlightStream upload) {
        List<List<Object>> rows = new ArrayList<>();
        while (upload.next()) {
            ParameterRows.read(upload.getRoot(), rows);
        }
        return rows;
    }
}
