package io.polaroid.server.flight;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.polaroid.server.session.Execution;
import io.polaroid.server.session.ExecutionRegistry;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.FlightProducer.StreamListener;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;

/**
 * CancelFlightInfo (and the legacy CancelQuery action, which arrow maps onto it): the executions the
 * info's tickets name are cancelled. One that was never read is dropped ({@code CANCELLED}); a running one
 * is told to stop, and its stream ends with a cancellation error as soon as it notices
 * ({@code CANCELLING}); one that already finished, or is not the caller's, cannot be cancelled.
 */
final class CancelCalls {
    private final ExecutionRegistry executions;

    CancelCalls(ExecutionRegistry executions) {
        this.executions = Objects.requireNonNull(executions, "executions");
    }

    void cancel(CancelFlightInfoRequest request, CallContext context, StreamListener<CancelStatus> listener) {
        try {
            CancelStatus status = CancelStatus.NOT_CANCELLABLE;
            for (FlightEndpoint endpoint : request.getInfo().getEndpoints()) {
                Optional<Execution> execution = execution(endpoint, CallSessions.identity(context));
                if (execution.isEmpty()) {
                    continue;
                }
                boolean running = execution.get().state() == Execution.State.RUNNING;
                if (executions.cancel(execution.get(), "the client cancelled the query")) {
                    status = running ? CancelStatus.CANCELLING : CancelStatus.CANCELLED;
                }
            }
            listener.onNext(status);
            listener.onCompleted();
        } catch (RuntimeException | Error e) {
            listener.onError(FlightErrors.toFlight(e));
        }
    }

    private Optional<Execution> execution(FlightEndpoint endpoint, String identity) {
        try {
            Any ticket = Any.parseFrom(endpoint.getTicket().getBytes());
            if (!ticket.is(TicketStatementQuery.class)) {
                return Optional.empty();  // a metadata command: nothing runs until it is read
            }
            return executions.find(ticket.unpack(TicketStatementQuery.class).getStatementHandle(), identity);
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();  // not a ticket of this server
        }
    }
}
