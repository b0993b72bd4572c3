package io.polaroid.engine.exec.agg;

/**
 * The aggregate functions {@link HashAggregateOperator} computes. NULL inputs are ignored by every function
 * except {@link #COUNT_STAR}, {@link #FIRST} and {@link #LAST}; a group in which no row contributes yields
 * NULL, except for the counts and {@link #SUM0}, which yield 0.
 */
public enum AggregateFunction {
    /** {@code COUNT(*)}: rows of the group. No arguments. */
    COUNT_STAR,
    /** {@code COUNT(a [, b ...])}: rows where every argument is non-NULL. */
    COUNT,
    /** Sum of the non-NULL values; NULL for a group without any. Integer overflow fails with 22003. */
    SUM,
    /** Like {@link #SUM} but 0 instead of NULL for a group without values (Calcite's {@code $SUM0}). */
    SUM0,
    MIN,
    MAX,
    AVG,
    /** Some non-NULL value of the group (the first one seen). */
    ANY_VALUE,
    BOOL_AND,
    BOOL_OR,
    /** {@code ARG_MIN(arg, val)}: {@code arg} at the first row with the smallest {@code val}; rows where either is NULL are skipped. */
    ARG_MIN,
    /** {@code ARG_MAX(arg, val)}: {@code arg} at the first row with the largest {@code val}; rows where either is NULL are skipped. */
    ARG_MAX,
    /** The value of the first row seen in input order, NULL included. */
    FIRST,
    /** The value of the last row seen in input order, NULL included. */
    LAST,
    STDDEV_POP,
    STDDEV_SAMP,
    VAR_POP,
    VAR_SAMP
}
