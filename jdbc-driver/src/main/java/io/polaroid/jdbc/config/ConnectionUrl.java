package io.polaroid.jdbc.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.ConnectStringParser;

/**
 * A parsed Polaroid JDBC URL:
 *
 * <pre>
 *   jdbc:polaroid:&lt;mode&gt;:&lt;target&gt;[;key=value]...
 *   jdbc:polaroid://host:port[?key=value&amp;...][;key=value]...   (mode "remote")
 * </pre>
 *
 * <p>The mode picks how to connect ({@code embedded}, {@code remote}/{@code flight}, and later
 * {@code arrow}, {@code auto}); the target is whatever that mode needs (a catalog directory, a file
 * path, {@code //host:port}), kept verbatim and interpreted by the mode. Properties follow the first
 * {@code ;} in the {@code key=value;key=value} form Avatica and Calcite use (values may be quoted with
 * {@code '} or {@code "} to contain {@code ;}). A property on the URL overrides the same property in the
 * {@link Properties} passed to {@code DriverManager}. A {@code ;} never appears in the target, which
 * keeps globs such as {@code /data/*.parquet} and {@code ?} wildcards usable. A server address
 * ({@code //host:port}) may also carry properties as a percent-encoded URL query, as other Flight SQL
 * drivers' URLs do: they override {@code Properties} and are overridden by {@code ;} properties, and are
 * not part of the target.
 *
 * @param mode       the lower-case mode name
 * @param target     the mode-specific part between the mode and the first {@code ;}; may be empty
 * @param properties the merged properties, URL over {@code Properties}
 */
public record ConnectionUrl(String url, String mode, String target, Properties properties) {
    public static final String PREFIX = "jdbc:polaroid:";
    /** The mode of {@code jdbc:polaroid://host:port}. */
    public static final String REMOTE = "remote";
    private static final Pattern MODE = Pattern.compile("[a-z][a-z0-9_-]*");
    /** {@code jdbc:polaroid://} or {@code jdbc:polaroid:<mode>://}: a target that is a server address. */
    private static final Pattern SERVER_ADDRESS = Pattern.compile("jdbc:polaroid:([A-Za-z][A-Za-z0-9_-]*:)?//");

    public ConnectionUrl {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(properties, "properties");
    }

    /** Whether {@code url} is a Polaroid URL at all; other drivers' URLs are not ours to judge. */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * @param info the properties given to {@code DriverManager.getConnection}; may be null
     * @throws SQLException 08001 when the URL is not a well-formed Polaroid URL
     */
    public static ConnectionUrl parse(String url, Properties info) throws SQLException {
        if (!accepts(url)) {
            throw malformed(url, "it does not start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String head = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String propertyText = semicolon < 0 ? "" : rest.substring(semicolon + 1);

        String mode;
        String target;
        if (head.startsWith("//")) {
            mode = REMOTE;
            target = head;
        } else {
            int colon = head.indexOf(':');
            mode = (colon < 0 ? head : head.substring(0, colon)).toLowerCase(Locale.ROOT);
            target = colon < 0 ? "" : head.substring(colon + 1);
            if (mode.isEmpty()) {
                throw malformed(url, "it names no mode; use for example jdbc:polaroid:embedded: or "
                        + "jdbc:polaroid:embedded:/path/to/catalog");
            }
            if (!MODE.matcher(mode).matches()) {
                throw malformed(url, "'" + mode + "' is not a mode name");
            }
        }
        String query = "";
        int questionMark = target.indexOf('?');
        if (questionMark >= 0 && target.startsWith("//")) {
            // a server address with properties as a query: //host:port?user=alice&tls=true
            query = target.substring(questionMark + 1);
            target = target.substring(0, questionMark);
        }
        return new ConnectionUrl(url, mode, target, properties(url, propertyText, query, info));
    }

    private static Properties properties(String url, String text, String query, Properties info)
            throws SQLException {
        Properties merged = new Properties();
        if (info != null) {
            for (Map.Entry<Object, Object> entry : info.entrySet()) {
                if (entry.getKey() instanceof String && entry.getValue() != null) {
                    merged.setProperty((String) entry.getKey(), entry.getValue().toString());
                }
            }
        }
        addQuery(url, query, merged);
        if (text.isBlank()) {
            return merged;
        }
        try {
            return ConnectStringParser.parse(text, merged);
        } catch (SQLException e) {
            // Avatica's message quotes the property text, which may hold a password: not repeated here.
            throw malformed(url, "its properties do not parse; write them as ;key=value;key2=value2, quoting a "
                    + "value that contains ; with ' or \"");
        }
    }

    /**
     * Properties written as a URL query ({@code key=value&key2=value2}, percent-encoded as in any URL),
     * the form other Flight SQL drivers use: they override {@code Properties} and are overridden by
     * {@code ;key=value} properties.
     */
    private static void addQuery(String url, String query, Properties into) throws SQLException {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (key.isBlank()) {
                    throw malformed(url, "a property of its query has no name; write ?key=value&key2=value2");
                }
                into.setProperty(key.trim(), value);
            } catch (IllegalArgumentException e) {
                // the value may be a password: only the rule is repeated
                throw malformed(url, "its query has a bad %-escape; encode special characters as %XX");
            }
        }
    }

    private static SQLException malformed(String url, String why) {
        return new SQLNonTransientConnectionException("malformed Polaroid JDBC URL '" + withoutProperties(url) + "': "
                + why, "08001");
    }

    /** The URL without its properties, safe to show in messages (properties may hold passwords). */
    public String display() {
        return withoutProperties(url);
    }

    private static String withoutProperties(String url) {
        int semicolon = url.indexOf(';');
        String head = semicolon < 0 ? url : url.substring(0, semicolon);
        // A server address may carry properties as a query (//host:port?user=..&password=..); in other
        // modes '?' is a wildcard of a file path and stays.
        int query = head.indexOf('?');
        if (query >= 0 && SERVER_ADDRESS.matcher(head).lookingAt()) {
            head = head.substring(0, query) + "?...";
        }
        return semicolon < 0 ? head : head + ";...";
    }

    @Override
    public String toString() {
        // properties may hold passwords: never print them
        return "ConnectionUrl{mode=" + mode + ", target=" + target + "}";
    }
}
