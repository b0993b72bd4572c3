package io.polaroid.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Small, complete answers (errors, health, the OpenAPI document) and the bounded read of a request body. */
final class Exchanges {
    static final String JSON = "application/json";

    private Exchanges() {
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void sendError(HttpExchange exchange, ErrorReply reply) throws IOException {
        if (reply.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"polaroid\"");
        }
        if (reply.status() == 413) {
            // the unread rest of the body would otherwise be read as the next request
            exchange.getResponseHeaders().set("Connection", "close");
        }
        send(exchange, reply.status(), JSON, reply.json());
    }

    /**
     * The request body, at most {@code limit} bytes.
     *
     * @throws HttpFailure 413 for a larger body, told by its Content-Length before anything is read, or by
     *                     reading one byte past the limit of a chunked one
     */
    static byte[] readBody(HttpExchange exchange, long limit) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw HttpFailure.badRequest("the Content-Length header is not a number: " + length);
            }
            if (declared > limit) {
                throw tooLarge(limit);
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static HttpFailure tooLarge(long limit) {
        return new HttpFailure(413, HttpFailure.TOO_LARGE_CODE, "the request body is larger than this server's limit of "
                + limit + " bytes");
    }
}
