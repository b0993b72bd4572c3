package io.polaroid.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.polaroid.error.ErrorCode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Cross-origin access for browser pages ({@code --cors-origin}): an allowed {@code Origin} gets
 * {@code Access-Control-Allow-Origin} on every answer, and a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) is answered here, before authentication, since browsers send it
 * without credentials. A preflight from an origin that is not allowed gets 403 and no CORS headers, so
 * the browser stops there. No cookies are involved (the API key is a header), so credentials are never
 * allowed.
 */
final class Cors extends Filter {
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    private static final String PREFLIGHT_CACHE_SECONDS = "600";

    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = List.copyOf(Objects.requireNonNull(origins, "origins"));
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Headers request = exchange.getRequestHeaders();
        String origin = request.getFirst("Origin");
        boolean allowed = origin != null && allows(origin);
        Headers response = exchange.getResponseHeaders();
        if (allowed) {
            response.set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
            response.add("Vary", "Origin");
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            answerOptions(exchange, origin, allowed, request.getFirst("Access-Control-Request-Method") != null);
            return;
        }
        chain.doFilter(exchange);
    }

    private void answerOptions(HttpExchange exchange, String origin, boolean allowed, boolean preflight)
            throws IOException {
        Headers response = exchange.getResponseHeaders();
        response.set("Allow", ALLOWED_METHODS);
        if (preflight && origin != null && !allowed) {
            Exchanges.sendError(exchange, new ErrorReply(403, ErrorCode.INSUFFICIENT_PRIVILEGE.sqlState(),
                    "origin '" + origin + "' may not call this API; the server allows "
                            + (origins.isEmpty() ? "no cross-origin calls (see --cors-origin)" : origins)));
            return;
        }
        if (allowed) {
            response.set("Access-Control-Allow-Methods", ALLOWED_METHODS);
            response.set("Access-Control-Allow-Headers", ALLOWED_HEADERS);
            response.set("Access-Control-Max-Age", PREFLIGHT_CACHE_SECONDS);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    private boolean allows(String origin) {
        return origins.contains("*") || origins.contains(origin);
    }

    @Override
    public String description() {
        return "CORS for " + origins;
    }
}
