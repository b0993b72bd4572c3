package io.polaroid.jdbc.config;

import io.polaroid.config.ByteSize;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * Typed reading of connection properties. A value of the wrong form fails the connection with SQLState
 * 08001 and a message that names the property and shows a valid example.
 */
public final class PropertyValues {
    private PropertyValues() {
    }

    /**
     * A size in bytes: a number of bytes, or a number with a binary unit ({@code 64k}, {@code 512m},
     * {@code 2g}, {@code 1t}; {@code MB}, {@code GiB} spellings too). Empty when the property is not set.
     */
    public static OptionalLong bytes(ConnectionProperty property, Properties properties) throws SQLException {
        String text = property.value(properties);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(ByteSize.parse(text));
        } catch (IllegalArgumentException e) {
            throw invalid(property, text, e.getMessage());
        }
    }

    /** A positive int, or the property's default. */
    public static int positiveInt(ConnectionProperty property, Properties properties) throws SQLException {
        String text = property.value(properties);
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(property, text, "a positive whole number");
    }

    /** A boolean: {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}), or the default. */
    public static boolean bool(ConnectionProperty property, Properties properties) throws SQLException {
        String text = property.value(properties);
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "1":
                return true;
            case "false":
            case "no":
            case "0":
                return false;
            default:
                throw invalid(property, text, "true or false");
        }
    }

    private static SQLException invalid(ConnectionProperty property, String value, String expected) {
        return new SQLNonTransientConnectionException("invalid value '" + value + "' for connection property "
                + property.name() + ": expected " + expected, "08001");
    }
}
