package io.polaroid.parquet.schema;

/**
 * What the physical values of a leaf column mean, i.e. which conversion turns them into Arrow values.
 * One kind per distinct conversion; parameters (decimal scale, ...) live on {@link LeafColumn}.
 */
public enum LogicalKind {
    BOOLEAN,
    /** Signed integers of any width (INT_8/16/32/64, INT(n, true), or no annotation). */
    SIGNED_INT,
    /** UINT_8/16/32 stored in INT32: the bits are an unsigned 32-bit value. */
    UNSIGNED_INT32,
    /** UINT_64 stored in INT64: read as Decimal(20, 0). */
    UNSIGNED_INT64,
    FLOAT,
    DOUBLE,
    /** IEEE half precision in FIXED_LEN_BYTE_ARRAY(2), read as a float. */
    FLOAT16,
    /** Unscaled integer in INT32, INT64, FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY (big-endian two's complement). */
    DECIMAL,
    /** A binary decimal wider than Arrow's 38 digits, read as a double. */
    DECIMAL_AS_DOUBLE,
    DATE,
    TIME_MILLIS,
    TIME_MICROS,
    TIME_NANOS,
    TIMESTAMP_MILLIS,
    TIMESTAMP_MICROS,
    TIMESTAMP_NANOS,
    /** Legacy 12-byte Impala/Hive timestamp: nanoseconds of the day and a Julian day. */
    INT96_TIMESTAMP,
    STRING,
    /** FIXED_LEN_BYTE_ARRAY(16) read as its canonical text form. */
    UUID,
    BINARY
}
