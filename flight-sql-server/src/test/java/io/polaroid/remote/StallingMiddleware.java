package io.polaroid.remote;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightMethod;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * A server that stops answering on demand: calls of the methods named in {@link #stall} hold their gRPC
 * thread before the server sees them, as a stuck or overloaded server would, until {@link #release()} (at
 * most 30 s, so a forgotten release cannot hang the build).
 */
final class StallingMiddleware implements FlightServerMiddleware.Factory<FlightServerMiddleware> {
    static final FlightServerMiddleware.Key<FlightServerMiddleware> KEY = FlightServerMiddleware.Key.of("stall");

    private final Set<FlightMethod> stalled = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch released = new CountDownLatch(1);

    void stall(FlightMethod method) {
        released = new CountDownLatch(1);
        stalled.add(method);
    }

    void release() {
        stalled.clear();
        released.countDown();
    }

    @Override
    public FlightServerMiddleware onCallStarted(CallInfo info, CallHeaders incomingHeaders, RequestContext context) {
        if (stalled.contains(info.method())) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new FlightServerMiddleware() {
            @Override
            public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
            }

            @Override
            public void onCallCompleted(CallStatus status) {
            }

            @Override
            public void onCallErrored(Throwable err) {
            }
        };
    }
}
