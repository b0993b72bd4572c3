package io.polaroid.jdbc.config;

import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * A connection property a mode understands, with what {@code Driver.getPropertyInfo} shows for it
 * (DBeaver's driver dialog lists these).
 *
 * @param defaultValue the value used when the property is absent; empty when the default is "not set"
 * @param choices      the allowed values, or empty when any value of the right form is allowed
 */
public record ConnectionProperty(String name, String description, String defaultValue, List<String> choices) {

    public ConnectionProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
    }

    public static ConnectionProperty of(String name, String description, String defaultValue) {
        return new ConnectionProperty(name, description, defaultValue, List.of());
    }

    /** The value in {@code properties}, or the default. */
    public String value(Properties properties) {
        String value = properties.getProperty(name);
        return value == null ? defaultValue : value.trim();
    }

    /** Whether {@code properties} sets this property explicitly. */
    public boolean isSet(Properties properties) {
        String value = properties.getProperty(name);
        return value != null && !value.isBlank();
    }

    /** This property as {@code getPropertyInfo} reports it, with the value from {@code properties}. */
    public DriverPropertyInfo toPropertyInfo(Properties properties) {
        DriverPropertyInfo info = new DriverPropertyInfo(name, properties.getProperty(name, defaultValue));
        info.description = description;
        info.required = false;
        info.choices = choices.isEmpty() ? null : choices.toArray(new String[0]);
        return info;
    }
}
