package io.polaroid.parquet.write;

/**
 * The Arrow vector layouts the writer reads, each with the conversion to its physical Parquet value. Fixed
 * kinds produce longs (ints sign-extended, floats and doubles as IEEE bits); binary kinds produce bytes.
 */
enum ValueSource {
    BOOL,
    INT8,
    INT16,
    INT32,
    INT64,
    FLOAT4_BITS,
    FLOAT8_BITS,
    /** Unscaled decimal that fits INT32 or INT64 (the low 64 bits of Arrow's 128-bit value). */
    DECIMAL_LONG,
    /** Unscaled decimal stored big-endian in FIXED_LEN_BYTE_ARRAY. */
    DECIMAL_FIXED,
    DATE_DAY,
    DATE_MILLI,
    TIME_SECOND,
    TIME_MILLI,
    TIME_MICRO,
    TIME_NANO,
    TIMESTAMP_SECOND,
    TIMESTAMP_MILLI,
    TIMESTAMP_MICRO,
    TIMESTAMP_NANO,
    VARIABLE_WIDTH;

    boolean isBinary() {
        return this == DECIMAL_FIXED || this == VARIABLE_WIDTH;
    }
}
