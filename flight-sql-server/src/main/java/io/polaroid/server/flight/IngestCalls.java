package io.polaroid.server.flight;

import io.polaroid.catalog.DatasetName;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.ingest.IngestMode;
import io.polaroid.server.session.ClientSession;
import java.util.Locale;
import java.util.Objects;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandStatementIngest.TableDefinitionOptions;

/**
 * {@code CommandStatementIngest} ({@code FlightSqlClient.executeIngest}): the uploaded batches become a
 * new dataset, are appended to one, or replace its data, as the table definition options say; the
 * {@link io.polaroid.server.ingest.IngestService} writes them as Parquet and makes them visible in one
 * catalog change, so a failed or interrupted upload leaves nothing behind. A table without a schema goes
 * to the caller's current schema. Temporary tables and transactions do not exist here.
 */
final class IngestCalls {
    private final ServerServices services;
    private final CallSessions sessions;
    private final StatementUpdates updates;

    IngestCalls(ServerServices services, CallSessions sessions, StatementUpdates updates) {
        this.services = Objects.requireNonNull(services, "services");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.updates = Objects.requireNonNull(updates, "updates");
    }

    Runnable ingest(CommandStatementIngest command, CallContext context, FlightStream upload,
                    StreamListener<PutResult> ack) {
        return () -> {
            try {
                ClientSession session = sessions.session(context);
                DatasetName dataset = target(command, session);
                IngestMode mode = mode(command.getTableDefinitionOptions());
                long rows = updates.admitted(session, CallSessions.identity(context), Operation.INGEST,
                        "INGEST INTO " + dataset + " (" + describe(mode) + ")",
                        cancellation -> services.ingest().ingest(dataset, mode, new FlightStreamBatches(upload)));
                PutResults.updateCount(ack, rows, services.allocator());
            } catch (RuntimeException | Error e) {
                ack.onError(FlightErrors.toFlight(e));
            }
        };
    }

    private static DatasetName target(CommandStatementIngest command, ClientSession session) {
        if (command.getTemporary()) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot ingest into temporary table "
                    + command.getTable() + ": the server has no temporary tables");
        }
        if (command.hasTransactionId()) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot ingest into " + command.getTable()
                    + " within a transaction: the server has no transactions");
        }
        String catalog = session.sql().catalogName();
        if (command.hasCatalog() && !command.getCatalog().isEmpty() && !command.getCatalog().equalsIgnoreCase(catalog)) {
            throw new PolaroidException(ErrorCode.UNDEFINED_SCHEMA, "catalog " + command.getCatalog()
                    + " does not exist; the server's only catalog is " + catalog);
        }
        if (command.getTable().isBlank()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the ingest names no table");
        }
        String schema = command.hasSchema() && !command.getSchema().isEmpty()
                ? command.getSchema() : session.sql().currentSchema();
        return new DatasetName(schema, command.getTable());
    }

    /** Unspecified options mean what ADBC's default ingest mode means: create, and fail if it exists. */
    static IngestMode mode(TableDefinitionOptions options) {
        IngestMode.IfMissing ifMissing;
        switch (options.getIfNotExist()) {
            case TABLE_NOT_EXIST_OPTION_FAIL:
                ifMissing = IngestMode.IfMissing.FAIL;
                break;
            default:
                ifMissing = IngestMode.IfMissing.CREATE;
        }
        IngestMode.IfExists ifExists;
        switch (options.getIfExists()) {
            case TABLE_EXISTS_OPTION_APPEND:
                ifExists = IngestMode.IfExists.APPEND;
                break;
            case TABLE_EXISTS_OPTION_REPLACE:
                ifExists = IngestMode.IfExists.REPLACE;
                break;
            default:
                ifExists = IngestMode.IfExists.FAIL;
        }
        return new IngestMode(ifMissing, ifExists);
    }

    private static String describe(IngestMode mode) {
        return "if missing: " + mode.ifMissing().name().toLowerCase(Locale.ROOT)
                + ", if exists: " + mode.ifExists().name().toLowerCase(Locale.ROOT);
    }
}
