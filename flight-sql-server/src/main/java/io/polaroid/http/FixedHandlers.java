package io.polaroid.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The endpoints that need no engine and no credentials: {@code GET /health} for load balancers and
 * platform probes, {@code GET /openapi.json}, and the answer for every other path.
 */
final class FixedHandlers {
    private static final String OPENAPI_RESOURCE = "openapi.json";
    private static final byte[] SERVING = "{\"status\":\"serving\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STOPPING = "{\"status\":\"stopping\"}".getBytes(StandardCharsets.US_ASCII);

    private FixedHandlers() {
    }

    /** 200 {@code {"status":"serving"}}, or 503 {@code {"status":"stopping"}} once shutdown has begun. */
    static HttpHandler health(BooleanSupplier stopping) {
        return exchange -> {
            if (exactGet(exchange, "/health")) {
                boolean down = stopping.getAsBoolean();
                Exchanges.send(exchange, down ? 503 : 200, Exchanges.JSON, down ? STOPPING : SERVING);
            }
        };
    }

    /** The OpenAPI 3 description of the API, read once from the class path. */
    static HttpHandler openApi() {
        byte[] document = openApiDocument();
        return exchange -> {
            if (exactGet(exchange, "/openapi.json")) {
                Exchanges.send(exchange, 200, Exchanges.JSON, document);
            }
        };
    }

    /** 404 with a JSON error for any path the API does not have. */
    static HttpHandler notFound() {
        return exchange -> exactGet(exchange, null);
    }

    static byte[] openApiDocument() {
        try (InputStream in = FixedHandlers.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "the build lost the resource "
                        + FixedHandlers.class.getPackageName().replace('.', '/') + "/" + OPENAPI_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "cannot read the OpenAPI document: " + e.getMessage(), e);
        }
    }

    /** Whether the request is {@code GET path} (or HEAD); answers the 404 or 405 itself when it is not. */
    private static boolean exactGet(HttpExchange exchange, String path) throws IOException {
        String requested = exchange.getRequestURI().getPath();
        if (path == null || !path.equals(requested)) {
            Exchanges.sendError(exchange, new ErrorReply(404, HttpFailure.NO_SUCH_PATH_CODE,
                    "no such endpoint: " + requested + " (see /openapi.json)"));
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
            Exchanges.sendError(exchange, new ErrorReply(405, "0A000", path + " answers GET, not " + method));
            return false;
        }
        return true;
    }
}
