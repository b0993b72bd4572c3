package io.polaroid.catalog;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Locale;
import java.util.Objects;

/** Where a dataset's rows live between queries. */
public enum CacheMode {
    /** Loaded once as Arrow vectors and shared by every query of the process. */
    MEMORY,
    /** Read from the Parquet files by every query. */
    NONE;

    /** Parses the {@code cache} option of {@code CREATE DATASET}: {@code 'memory'} or {@code 'none'}, any case. */
    public static CacheMode parse(String text) {
        Objects.requireNonNull(text, "text");
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "memory" -> MEMORY;
            case "none" -> NONE;
            default -> throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "invalid cache mode '" + text + "': expected 'memory' or 'none'");
        };
    }

    /** The spelling {@link #parse} accepts and {@code SHOW DATASETS} prints. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
