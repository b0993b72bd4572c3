package io.polaroid.server.flight;

import com.google.protobuf.ByteString;
import io.polaroid.server.session.ClientSession;
import io.polaroid.server.session.Execution;
import io.polaroid.server.session.Handles;
import io.polaroid.server.session.ServerStatement;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * Ad-hoc statements: {@code CommandStatementQuery} is planned by {@code GetFlightInfo} (prepared, not
 * run: the rows come when the ticket is redeemed) and streamed by {@code DoGet};
 * {@code CommandStatementUpdate} runs in its {@code DoPut}. The statement a query prepares belongs to its
 * execution and is released when the stream ends or the ticket expires.
 */
final class StatementCalls {
    private final ServerServices services;
    private final CallSessions sessions;
    private final ExecutionStreamer streamer;
    private final StatementUpdates updates;

    StatementCalls(ServerServices services, CallSessions sessions, ExecutionStreamer streamer,
                   StatementUpdates updates) {
        this.services = Objects.requireNonNull(services, "services");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.streamer = Objects.requireNonNull(streamer, "streamer");
        this.updates = Objects.requireNonNull(updates, "updates");
    }

    FlightInfo plan(CommandStatementQuery command, CallContext context, FlightDescriptor descriptor) {
        ClientSession session = sessions.session(context);
        String identity = CallSessions.identity(context);
        try (ClientSession.Use use = session.use()) {
            ServerStatement statement = services.sessions().preparer().prepare(session, handle(), command.getQuery());
            try {
                services.authorizer().check(identity, statement.operation(), statement.sql());
                Execution execution = services.executions().register(session, statement, true, List.of());
                return FlightInfos.forExecution(statement.resultSchema(), descriptor, execution.ticket());
            } catch (RuntimeException | Error e) {
                statement.close();
                throw e;
            }
        }
    }

    SchemaResult schema(CommandStatementQuery command, CallContext context) {
        ClientSession session = sessions.session(context);
        try (ClientSession.Use use = session.use();
             ServerStatement statement = services.sessions().preparer().prepare(session, handle(), command.getQuery())) {
            return new SchemaResult(statement.resultSchema());
        }
    }

    /** Streams the execution a ticket names; a ticket that is unknown or used fails the call. */
    void stream(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        Execution execution;
        try {
            execution = services.executions().start(ticket.getStatementHandle(), CallSessions.identity(context));
        } catch (RuntimeException e) {
            listener.error(FlightErrors.toFlight(e));
            return;
        }
        streamer.stream(execution, CallSessions.identity(context), listener);
    }

    Runnable update(CommandStatementUpdate command, CallContext context, FlightStream upload,
                    StreamListener<PutResult> ack) {
        return () -> {
            try {
                ClientSession session = sessions.session(context);
                try (ServerStatement statement = services.sessions().preparer().prepare(session, handle(),
                        command.getQuery())) {
                    // the update's upload carries no rows (the client waits for the result before it ends
                    // the upload): a bulk statement reached this way runs without rows
                    long count = updates.run(session, statement, CallSessions.identity(context), List.of(),
                            null);
                    PutResults.updateCount(ack, count, services.allocator());
                }
            } catch (RuntimeException | Error e) {
                ack.onError(FlightErrors.toFlight(e));
            }
        };
    }

    private static ByteString handle() {
        return Handles.next();
    }
}
