package io.polaroid.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code POST /query}: authenticates the caller, reads the JSON request, runs the statement and streams its
 * result in the requested format as the engine produces it (chunked transfer, so the size need not be
 * known). A statement that returns no rows answers {@code {"updateCount": n}}.
 *
 * <p>Failures before the first byte of the result are JSON errors with their HTTP status. Once the 200 and
 * part of the result are out, a failure cannot change the status any more: the connection is then cut
 * without the final chunk, which every HTTP client reports as a truncated response, so a failed result can
 * never pass for a complete one. A client that goes away makes the next write fail; the query is cancelled
 * at once and its memory freed.
 */
final class QueryHandler implements HttpHandler {
    private static final JsonFactory JSON = new JsonFactory();
    /** Response bytes gathered before a chunk goes out: fewer, larger writes to the socket. */
    private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    private final HttpAuthentication authentication;
    private final QueryService queries;
    private final BufferAllocator allocator;
    private final long maxRequestBytes;
    private final BooleanSupplier stopping;

    QueryHandler(HttpAuthentication authentication, QueryService queries, BufferAllocator allocator,
                 long maxRequestBytes, BooleanSupplier stopping) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.maxRequestBytes = maxRequestBytes;
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"/query".equals(exchange.getRequestURI().getPath())) {
                throw new HttpFailure(404, HttpFailure.NO_SUCH_PATH_CODE, "no such endpoint: "
                        + exchange.getRequestURI().getPath() + " (see /openapi.json)");
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST, OPTIONS");
                throw new HttpFailure(405, "0A000", "use POST /query with a JSON body, not "
                        + exchange.getRequestMethod());
            }
            if (stopping.getAsBoolean()) {
                throw new HttpFailure(503, "08006", "the server is shutting down");
            }
            String identity = authentication.identify(exchange.getRequestHeaders().getFirst("Authorization"));
            QueryRequest request = QueryRequest.parse(Exchanges.readBody(exchange, maxRequestBytes));
            try (QueryRun run = queries.start(identity, request)) {
                respond(exchange, request.format(), run);
            }
        } catch (ResponseAbandoned e) {
            throw e.getCause();  // lets the JDK server cut the connection: see the class comment
        } catch (RuntimeException | Error failure) {
            Exchanges.sendError(exchange, ErrorReply.of(failure));
        }
    }

    private void respond(HttpExchange exchange, ResultFormat format, QueryRun run) throws IOException {
        if (!run.returnsRows()) {
            byte[] answer = updateCount(run.result().updateCount());
            run.close();
            Exchanges.send(exchange, 200, Exchanges.JSON, answer);
        } else if (format == ResultFormat.PARQUET) {
            sendParquet(exchange, run);
        } else {
            stream(exchange, format, run);
        }
    }

    private void stream(HttpExchange exchange, ResultFormat format, QueryRun run) throws IOException {
        QueryResult result = run.result();
        Batch first = result.next();  // an error of the first batch still gets a proper status
        exchange.getResponseHeaders().set("Content-Type", format.mediaType());
        exchange.sendResponseHeaders(200, 0);
        try {
            OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), OUTPUT_BUFFER_BYTES);
            try (ResultWriter writer = ResultWriter.open(format, result.schema(), body, allocator)) {
                for (Batch batch = first; batch != null; batch = result.next()) {
                    if (batch.rowCount() > 0) {
                        writer.write(batch);
                        run.sent(batch.rowCount());
                    }
                }
                writer.finish();
            }
            run.close();   // the query's memory is free and it is logged before the client has the last byte
            body.close();  // sends the final chunk: the response is complete
        } catch (IOException e) {
            String reason = "the HTTP client disconnected (" + e.getMessage() + ")";
            run.cancellation().cancel(reason);
            run.fail(new PolaroidException(ErrorCode.QUERY_CANCELED, "query cancelled: " + reason, e));
            throw new ResponseAbandoned(e);
        } catch (RuntimeException | Error e) {
            run.fail(e);
            throw new ResponseAbandoned(new IOException("the query failed after its result had started: "
                    + ErrorReply.of(e).message(), e));
        }
        exchange.close();
    }

    private static void sendParquet(HttpExchange exchange, QueryRun run) throws IOException {
        QueryResult result = run.result();
        try (ParquetSpool spool = ParquetSpool.create(result.schema())) {
            for (Batch batch = result.next(); batch != null; batch = result.next()) {
                if (batch.rowCount() > 0) {
                    spool.write(batch);
                    run.sent(batch.rowCount());
                }
            }
            Path file = spool.finish();
            run.close();
            exchange.getResponseHeaders().set("Content-Type", ResultFormat.PARQUET.mediaType());
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"result.parquet\"");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            } catch (IOException e) {
                run.fail(e);
                throw new ResponseAbandoned(e);
            }
            exchange.close();
        }
    }

    private static byte[] updateCount(long count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberField("updateCount", count);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The response has started and cannot be answered with an error any more. */
    private static final class ResponseAbandoned extends RuntimeException {
        ResponseAbandoned(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
