package io.polaroid.server.flight;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.List;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@link FlightInfo}s the server answers {@code GetFlightInfo} with: one endpoint, and no location in
 * it, so the client reads the ticket over the channel it already has (a location would have to be an
 * address the client can reach, which a server bound to 0.0.0.0 or behind a proxy does not know). Row and
 * byte counts are unknown (-1): the query has been planned, not run.
 */
final class FlightInfos {
    private FlightInfos() {
    }

    /** The info for a planned execution: its ticket is a {@code TicketStatementQuery} naming it. */
    static FlightInfo forExecution(Schema schema, FlightDescriptor descriptor, ByteString executionTicket) {
        TicketStatementQuery ticket = TicketStatementQuery.newBuilder().setStatementHandle(executionTicket).build();
        return of(schema, descriptor, ticket);
    }

    /** The info for a metadata command: the ticket is the command itself, run when it is redeemed. */
    static FlightInfo forCommand(Schema schema, FlightDescriptor descriptor, Message command) {
        return of(schema, descriptor, command);
    }

    private static FlightInfo of(Schema schema, FlightDescriptor descriptor, Message ticket) {
        FlightEndpoint endpoint = new FlightEndpoint(new Ticket(com.google.protobuf.Any.pack(ticket).toByteArray()));
        return new FlightInfo(schema, descriptor, List.of(endpoint), -1, -1);
    }
}
