package io.polaroid.bench.target;

import java.util.Locale;

/** Where a target's rows live while queries run. */
public enum Storage {
    /** Loaded once into the engine's own memory (Polaroid's {@code cache = 'memory'}, a DuckDB table). */
    MEMORY,
    /** Read from the Parquet files by every query (Polaroid's {@code cache = 'none'}, a DuckDB view). */
    FILES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
