package io.polaroid.jdbc.remote;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of a query as the server streams them: the endpoints of its {@link FlightInfo}, read one
 * after the other, each batch handed out in place (the vectors of the Flight stream's root, which the
 * next batch overwrites, as the {@link Batch} contract allows). Nothing is collected: the client holds
 * one batch, plus the few gRPC keeps in flight.
 *
 * <p>The first endpoint's stream is requested when the result is created, so the server starts
 * sending while the caller sets up its cursor. Closing before the end cancels the stream (the server
 * sees the call cancelled), asks the server to cancel the query (CancelFlightInfo, for servers that
 * run a query apart from its streams) and frees every buffer.
 */
final class FlightQueryResult implements QueryResult {
    private static final Logger LOG = LoggerFactory.getLogger(FlightQueryResult.class);

    private final ServerLink link;
    private final FlightInfo info;
    private final Schema schema;
    private final CallScope scope;
    private final Consumer<FlightQueryResult> onClose;
    private int nextEndpoint;
    private FlightStream stream;
    private boolean checkedStreamSchema;
    /** Read to the end, or failed: the server is done with the query. */
    private boolean ended;
    private boolean closed;

    /**
     * @param expected the schema the statement announced when prepared; the FlightInfo's is used when it
     *                 has one
     * @param scope    the execution's calls, closed with the result
     * @param onClose  told after the result closed (the session forgets it, a plan made for it alone is released)
     */
    FlightQueryResult(ServerLink link, FlightInfo info, Schema expected, CallScope scope,
                      Consumer<FlightQueryResult> onClose) {
        this.link = Objects.requireNonNull(link, "link");
        this.info = Objects.requireNonNull(info, "info");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        Schema announced = info.getSchemaOptional().orElse(null);
        this.schema = announced != null && !announced.getFields().isEmpty() ? announced
                : Objects.requireNonNull(expected, "expected");
        openNextStream();
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public synchronized Batch next() {
        if (closed) {
            return null;
        }
        try {
            while (true) {
                if (stream == null && !openNextStream()) {
                    ended = true;
                    return null;
                }
                if (scope.call(stream::next)) {
                    VectorSchemaRoot root = stream.getRoot();
                    if (root.getRowCount() == 0) {
                        continue;
                    }
                    checkSchema(root);
                    return new Batch(root.getFieldVectors(), root.getRowCount());
                }
                closeStream();
            }
        } catch (FlightRuntimeException e) {
            ended = true;
            throw scope.failure(e, link);
        }
    }

    private boolean openNextStream() {
        List<FlightEndpoint> endpoints = info.getEndpoints();
        if (nextEndpoint >= endpoints.size()) {
            return false;
        }
        FlightEndpoint endpoint = endpoints.get(nextEndpoint++);
        try {
            stream = scope.call(() -> link.stream(endpoint));
        } catch (FlightRuntimeException e) {
            throw scope.failure(e, link);
        }
        checkedStreamSchema = false;
        return true;
    }

    /**
     * The cursor reads the batches with accessors made for {@link #schema()}: a stream whose columns
     * differ in number or type would be misread, so it fails instead.
     */
    private void checkSchema(VectorSchemaRoot root) {
        if (checkedStreamSchema) {
            return;
        }
        List<Field> expected = schema.getFields();
        List<Field> actual = root.getSchema().getFields();
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = expected.get(i).getType().equals(actual.get(i).getType());
        }
        if (!same) {
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "the Flight SQL server at " + link.address()
                    + " announced the columns " + expected + " but sent " + actual);
        }
        checkedStreamSchema = true;
    }

    @Override
    public long updateCount() {
        return -1;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    /** Stops the streams of this result from any thread; a reader blocked in {@link #next()} fails at once. */
    void cancel() {
        scope.close();
    }

    /**
     * Frees the stream; a query not read to its end is cancelled (its stream, and on the server by
     * CancelFlightInfo). Synchronized with {@link #next()}: a close from another thread waits for the
     * batch being read.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeStream();
        } finally {
            scope.close();
            if (!ended) {
                link.cancelOnServer(info);
            }
            onClose.accept(this);
        }
    }

    private void closeStream() {
        FlightStream current = stream;
        stream = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                // a cancelled stream reports its cancellation when closed: nothing to tell the caller
                LOG.debug("closing a Flight stream of {} reported", link.address(), e);
            }
        }
    }
}
