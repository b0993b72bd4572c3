package io.polaroid.engine.sql.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A catalog command: a statement outside Calcite's grammar that {@link CommandParser} recognizes.
 * Names are as the user wrote them (quotes removed); the session resolves them against its current schema.
 */
public sealed interface Command {

    /** Whether running the command returns rows (rather than an update count). */
    default boolean returnsRows() {
        return false;
    }

    /** A possibly schema-qualified object name. */
    record QualifiedName(Optional<String> schema, String name) {
        public QualifiedName {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return schema.map(s -> s + "." + name).orElse(name);
        }
    }

    /** {@code CREATE DATASET [IF NOT EXISTS] name FROM 'location' [WITH (cache = '...')]}; cache may be empty. */
    record CreateDataset(QualifiedName name, String location, Optional<String> cache, boolean ifNotExists)
            implements Command {
        public CreateDataset {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(cache, "cache");
        }
    }

    record RefreshDataset(QualifiedName name) implements Command {
        public RefreshDataset {
            Objects.requireNonNull(name, "name");
        }
    }

    record DropDataset(QualifiedName name, boolean ifExists) implements Command {
        public DropDataset {
            Objects.requireNonNull(name, "name");
        }
    }

    record ShowDatasets() implements Command {
        @Override
        public boolean returnsRows() {
            return true;
        }
    }

    record CreateSchema(String name, boolean ifNotExists) implements Command {
        public CreateSchema {
            Objects.requireNonNull(name, "name");
        }
    }

    record DropSchema(String name, boolean ifExists) implements Command {
        public DropSchema {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code SET SCHEMA name} or {@code USE name}. */
    record SetSchema(String name) implements Command {
        public SetSchema {
            Objects.requireNonNull(name, "name");
        }
    }
}
