package io.polaroid.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * The qualified name of a dataset, as the user wrote it. Names are matched case-insensitively: two names
 * denote the same dataset when their {@link #key()}s are equal, while {@code schema} and {@code name} keep
 * the spelling used at creation for display.
 */
public record DatasetName(String schema, String name) {

    public DatasetName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        if (schema.isBlank()) {
            throw new IllegalArgumentException("schema name must not be blank");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
    }

    /** A dataset of the default schema {@value Catalog#DEFAULT_SCHEMA}. */
    public static DatasetName of(String name) {
        return new DatasetName(Catalog.DEFAULT_SCHEMA, name);
    }

    /** The lookup key: both parts lower-cased, so {@code Main.Trades} and {@code main.trades} share one key. */
    public DatasetName key() {
        return new DatasetName(normalize(schema), normalize(name));
    }

    /** Whether {@code other} names the same dataset, ignoring case. */
    public boolean sameAs(DatasetName other) {
        return key().equals(other.key());
    }

    /** The case-insensitive key of a schema or dataset name. */
    public static String normalize(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
