package io.polaroid.server.flight;

import com.google.protobuf.Message;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.server.hooks.Operation;
import io.polaroid.server.metadata.CatalogListings;
import io.polaroid.server.metadata.KeyListings;
import io.polaroid.server.metadata.MetadataRoots;
import io.polaroid.server.metadata.ServerSqlInfo;
import io.polaroid.server.metadata.TypeInfoTable;
import io.polaroid.server.session.ClientSession;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetSqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The metadata commands. {@code GetFlightInfo} only answers with the schema the specification fixes and
 * a ticket that is the command itself; the listing is made when the ticket is redeemed, from what the
 * caller's session sees at that moment. Listings are small (one row per schema, table or type), so each
 * is built whole and sent as one batch.
 */
final class MetadataCalls {
    private final ServerServices services;
    private final CallSessions sessions;
    private final ServerSqlInfo sqlInfo;

    MetadataCalls(ServerServices services, CallSessions sessions, ServerSqlInfo sqlInfo) {
        this.services = Objects.requireNonNull(services, "services");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.sqlInfo = Objects.requireNonNull(sqlInfo, "sqlInfo");
    }

    /** The info of any metadata command: its fixed result schema, the command as the ticket. */
    FlightInfo info(Message command, Schema schema, CallContext context, FlightDescriptor descriptor) {
        try {
            authorize(context, command);
            return FlightInfos.forCommand(schema, descriptor, command);
        } catch (RuntimeException | Error e) {
            throw FlightErrors.toFlight(e);
        }
    }

    void catalogs(CallContext context, ServerStreamListener listener) {
        sendListing(context, listener, "GetCatalogs", session -> CatalogListings.catalogs(session, services.allocator()));
    }

    void schemas(CommandGetDbSchemas command, CallContext context, ServerStreamListener listener) {
        sendListing(context, listener, "GetDbSchemas",
                session -> CatalogListings.schemas(session, command, services.allocator()));
    }

    void tables(CommandGetTables command, CallContext context, ServerStreamListener listener) {
        sendListing(context, listener, "GetTables",
                session -> CatalogListings.tables(session, command, services.allocator()));
    }

    void tableTypes(CallContext context, ServerStreamListener listener) {
        sendListing(context, listener, "GetTableTypes",
                session -> CatalogListings.tableTypes(session, services.allocator()));
    }

    void typeInfo(CommandGetXdbcTypeInfo command, CallContext context, ServerStreamListener listener) {
        send(context, listener, "GetXdbcTypeInfo", () -> TypeInfoTable.of(command, services.allocator()));
    }

    void primaryKeys(CallContext context, ServerStreamListener listener) {
        send(context, listener, "GetPrimaryKeys", () -> KeyListings.primaryKeys(services.allocator()));
    }

    /** Exported keys, imported keys and cross references: there are no keys. */
    void foreignKeys(CallContext context, ServerStreamListener listener, String command) {
        send(context, listener, command, () -> KeyListings.foreignKeys(services.allocator()));
    }

    void sqlInfo(CommandGetSqlInfo command, CallContext context, ServerStreamListener listener) {
        try {
            authorize(context, command);
            sqlInfo.send(command.getInfoList(), listener);
        } catch (RuntimeException | Error e) {
            listener.error(FlightErrors.toFlight(e));
        }
    }

    /** The schema of a {@code GetTables} result, which depends on whether table schemas are included. */
    static Schema tablesSchema(CommandGetTables command) {
        return command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    }

    private void sendListing(CallContext context, ServerStreamListener listener, String command,
                             Function<SqlSession, VectorSchemaRoot> listing) {
        try {
            ClientSession session = sessions.session(context);
            try (ClientSession.Use use = session.use()) {
                send(context, listener, command, () -> listing.apply(session.sql()));
            }
        } catch (RuntimeException | Error e) {
            listener.error(FlightErrors.toFlight(e));
        }
    }

    private void send(CallContext context, ServerStreamListener listener, String command,
                      Supplier<VectorSchemaRoot> listing) {
        try {
            services.authorizer().check(CallSessions.identity(context), Operation.METADATA, command);
            MetadataRoots.send(listing.get(), listener);
        } catch (RuntimeException | Error e) {
            listener.error(FlightErrors.toFlight(e));
        }
    }

    private void authorize(CallContext context, Message command) {
        services.authorizer().check(CallSessions.identity(context), Operation.METADATA,
                command.getDescriptorForType().getName());
    }
}
