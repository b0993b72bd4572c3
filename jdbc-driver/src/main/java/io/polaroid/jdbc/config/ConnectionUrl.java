package io.polaroid.jdbc.config;

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
 *   jdbc:polaroid://host:port[;key=value]...          (mode "remote")
 * </pre>
 *
 * <p>The mode picks how to connect ({@code embedded}, and later {@code remote}/{@code flight},
 * {@code arrow}, {@code auto}); the target is whatever that mode needs (a catalog directory, a file
 * path, {@code //host:port}), kept verbatim and interpreted by the mode. Properties follow the first
 * {@code ;} in the {@code key=value;key=value} form Avatica and Calcite use (values may be quoted with
 * {@code '} or {@code "} to contain {@code ;}). A property on the URL overrides the same property in the
 * {@link Properties} passed to {@code DriverManager}. A {@code ;} never appears in the target, which
 * keeps globs such as {@code /data/*.parquet} and {@code ?} wildcards usable.
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
        return new ConnectionUrl(url, mode, target, properties(url, propertyText, info));
    }

    private static Properties properties(String url, String text, Properties info) throws SQLException {
        Properties merged = new Properties();
        if (info != null) {
            for (Map.Entry<Object, Object> entry : info.entrySet()) {
                if (entry.getKey() instanceof String && entry.getValue() != null) {
                    merged.setProperty((String) entry.getKey(), entry.getValue().toString());
                }
            }
        }
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
        return semicolon < 0 ? url : url.substring(0, semicolon) + ";...";
    }

    @Override
    public String toString() {
        // properties may hold passwords: never print them
        return "ConnectionUrl{mode=" + mode + ", target=" + target + "}";
    }
}
