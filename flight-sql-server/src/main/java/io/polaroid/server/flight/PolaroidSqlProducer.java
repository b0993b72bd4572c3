package io.polaroid.server.flight;

import io.polaroid.server.metadata.ServerSqlInfo;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.CloseSessionRequest;
import org.apache.arrow.flight.CloseSessionResult;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.GetSessionOptionsRequest;
import org.apache.arrow.flight.GetSessionOptionsResult;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SchemaResult;
import org.apache.arrow.flight.SetSessionOptionsRequest;
import org.apache.arrow.flight.SetSessionOptionsResult;
import org.apache.arrow.flight.sql.FlightSqlProducer;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCatalogs;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetCrossReference;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetExportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetImportedKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTableTypes;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementUpdate;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * The Flight SQL producer of the server: it only routes each call to the class that serves that part of
 * the protocol — ad-hoc statements ({@link StatementCalls}), prepared statements
 * ({@link PreparedStatementCalls}), metadata ({@link MetadataCalls}), bulk ingest ({@link IngestCalls}),
 * session options ({@link SessionCalls}) and cancellation ({@link CancelCalls}). Every failure reaches
 * the client as a gRPC status with the SQLState in its trailers ({@link FlightErrors}).
 */
public final class PolaroidSqlProducer implements FlightSqlProducer {
    private final StatementCalls statements;
    private final PreparedStatementCalls prepared;
    private final MetadataCalls metadata;
    private final IngestCalls ingest;
    private final SessionCalls sessionOptions;
    private final CancelCalls cancels;
    private final ExecutionStreamer streamer;

    /** @param streamThreads where results are streamed; the server closes them after the producer's calls ended */
    public PolaroidSqlProducer(ServerServices services, RunningCalls running, StreamThreads streamThreads,
                               ServerSqlInfo sqlInfo) {
        Objects.requireNonNull(services, "services");
        CallSessions sessions = new CallSessions(services.sessions());
        StatementUpdates updates = new StatementUpdates(services, running);
        this.streamer = new ExecutionStreamer(services, running, streamThreads);
        this.statements = new StatementCalls(services, sessions, streamer, updates);
        this.prepared = new PreparedStatementCalls(services, sessions, updates);
        this.metadata = new MetadataCalls(services, sessions, sqlInfo);
        this.ingest = new IngestCalls(services, sessions, updates);
        this.sessionOptions = new SessionCalls(sessions);
        this.cancels = new CancelCalls(services.executions());
    }

    // --- statements ---------------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoStatement(CommandStatementQuery command, CallContext context,
                                             FlightDescriptor descriptor) {
        return unary(() -> statements.plan(command, context, descriptor));
    }

    @Override
    public SchemaResult getSchemaStatement(CommandStatementQuery command, CallContext context,
                                           FlightDescriptor descriptor) {
        return unary(() -> statements.schema(command, context));
    }

    @Override
    public void getStreamStatement(TicketStatementQuery ticket, CallContext context, ServerStreamListener listener) {
        statements.stream(ticket, context, listener);
    }

    @Override
    public Runnable acceptPutStatement(CommandStatementUpdate command, CallContext context, FlightStream upload,
                                       StreamListener<PutResult> ack) {
        return statements.update(command, context, upload, ack);
    }

    @Override
    public Runnable acceptPutStatementBulkIngest(CommandStatementIngest command, CallContext context,
                                                 FlightStream upload, StreamListener<PutResult> ack) {
        return ingest.ingest(command, context, upload, ack);
    }

    // --- prepared statements ------------------------------------------------------------------------

    @Override
    public void createPreparedStatement(ActionCreatePreparedStatementRequest request, CallContext context,
                                        StreamListener<Result> listener) {
        prepared.create(request, context, listener);
    }

    @Override
    public void closePreparedStatement(ActionClosePreparedStatementRequest request, CallContext context,
                                       StreamListener<Result> listener) {
        prepared.close(request, context, listener);
    }

    @Override
    public FlightInfo getFlightInfoPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
                                                     FlightDescriptor descriptor) {
        return unary(() -> prepared.plan(command, context, descriptor));
    }

    @Override
    public SchemaResult getSchemaPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
                                                   FlightDescriptor descriptor) {
        return unary(() -> prepared.schema(command, context));
    }

    @Override
    public void getStreamPreparedStatement(CommandPreparedStatementQuery command, CallContext context,
                                           ServerStreamListener listener) {
        prepared.stream(command, context, listener, streamer);
    }

    @Override
    public Runnable acceptPutPreparedStatementQuery(CommandPreparedStatementQuery command, CallContext context,
                                                    FlightStream upload, StreamListener<PutResult> ack) {
        return prepared.bind(command, context, upload, ack);
    }

    @Override
    public Runnable acceptPutPreparedStatementUpdate(CommandPreparedStatementUpdate command, CallContext context,
                                                     FlightStream upload, StreamListener<PutResult> ack) {
        return prepared.update(command, context, upload, ack);
    }

    // --- metadata -----------------------------------------------------------------------------------

    @Override
    public FlightInfo getFlightInfoSqlInfo(CommandGetSqlInfo command, CallContext context, FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_SQL_INFO_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamSqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        metadata.sqlInfo(command, context, listener);
    }

    @Override
    public FlightInfo getFlightInfoTypeInfo(CommandGetXdbcTypeInfo command, CallContext context,
                                            FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_TYPE_INFO_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamTypeInfo(CommandGetXdbcTypeInfo command, CallContext context, ServerStreamListener listener) {
        metadata.typeInfo(command, context, listener);
    }

    @Override
    public FlightInfo getFlightInfoCatalogs(CommandGetCatalogs command, CallContext context,
                                            FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_CATALOGS_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamCatalogs(CallContext context, ServerStreamListener listener) {
        metadata.catalogs(context, listener);
    }

    @Override
    public FlightInfo getFlightInfoSchemas(CommandGetDbSchemas command, CallContext context,
                                           FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_SCHEMAS_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamSchemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        metadata.schemas(command, context, listener);
    }

    @Override
    public FlightInfo getFlightInfoTables(CommandGetTables command, CallContext context, FlightDescriptor descriptor) {
        return metadata.info(command, MetadataCalls.tablesSchema(command), context, descriptor);
    }

    @Override
    public void getStreamTables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        metadata.tables(command, context, listener);
    }

    @Override
    public FlightInfo getFlightInfoTableTypes(CommandGetTableTypes command, CallContext context,
                                              FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_TABLE_TYPES_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamTableTypes(CallContext context, ServerStreamListener listener) {
        metadata.tableTypes(context, listener);
    }

    @Override
    public FlightInfo getFlightInfoPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
                                               FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_PRIMARY_KEYS_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamPrimaryKeys(CommandGetPrimaryKeys command, CallContext context,
                                     ServerStreamListener listener) {
        metadata.primaryKeys(context, listener);
    }

    @Override
    public FlightInfo getFlightInfoExportedKeys(CommandGetExportedKeys command, CallContext context,
                                                FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_EXPORTED_KEYS_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamExportedKeys(CommandGetExportedKeys command, CallContext context,
                                      ServerStreamListener listener) {
        metadata.foreignKeys(context, listener, "GetExportedKeys");
    }

    @Override
    public FlightInfo getFlightInfoImportedKeys(CommandGetImportedKeys command, CallContext context,
                                                FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_IMPORTED_KEYS_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamImportedKeys(CommandGetImportedKeys command, CallContext context,
                                      ServerStreamListener listener) {
        metadata.foreignKeys(context, listener, "GetImportedKeys");
    }

    @Override
    public FlightInfo getFlightInfoCrossReference(CommandGetCrossReference command, CallContext context,
                                                  FlightDescriptor descriptor) {
        return metadata.info(command, Schemas.GET_CROSS_REFERENCE_SCHEMA, context, descriptor);
    }

    @Override
    public void getStreamCrossReference(CommandGetCrossReference command, CallContext context,
                                        ServerStreamListener listener) {
        metadata.foreignKeys(context, listener, "GetCrossReference");
    }

    // --- sessions and cancellation ------------------------------------------------------------------

    @Override
    public void setSessionOptions(SetSessionOptionsRequest request, CallContext context,
                                  StreamListener<SetSessionOptionsResult> listener) {
        sessionOptions.set(request, context, listener);
    }

    @Override
    public void getSessionOptions(GetSessionOptionsRequest request, CallContext context,
                                  StreamListener<GetSessionOptionsResult> listener) {
        sessionOptions.get(request, context, listener);
    }

    @Override
    public void closeSession(CloseSessionRequest request, CallContext context,
                             StreamListener<CloseSessionResult> listener) {
        sessionOptions.close(request, context, listener);
    }

    @Override
    public void cancelFlightInfo(CancelFlightInfoRequest request, CallContext context,
                                 StreamListener<CancelStatus> listener) {
        cancels.cancel(request, context, listener);
    }

    /** Flight SQL lists no flights: results are reached through commands, not by name. */
    @Override
    public void listFlights(CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
        listener.onCompleted();
    }

    @Override
    public void close() {
        // the server owns what the calls use and closes it
    }

    /** Runs a unary call, turning a failure into the Flight status its client sees. */
    private static <T> T unary(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            throw FlightErrors.toFlight(e);
        }
    }
}
