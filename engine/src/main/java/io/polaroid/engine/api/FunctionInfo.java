package io.polaroid.engine.api;

import java.util.Objects;

/**
 * A function of the SQL dialect, for {@code DatabaseMetaData.getFunctions}.
 *
 * @param kind    what sort of function it is
 * @param remarks a one-line description or signature; may be empty, never null
 */
public record FunctionInfo(String name, Kind kind, String remarks) {
    public enum Kind { SCALAR, AGGREGATE, WINDOW, TABLE }

    public FunctionInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(remarks, "remarks");
    }
}
