package io.polaroid.catalog.stats;

import io.polaroid.catalog.ColumnPredicate;
import io.polaroid.parquet.ColumnStatistics;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Decides from statistics whether a chunk of rows (a file, a row group) might hold a row satisfying a
 * predicate. It answers "no" only when that is certain: unknown statistics, values that cannot be
 * compared (another type, NaN, null literals) all answer "maybe". Comparisons follow SQL: NULL satisfies
 * nothing but IS NULL. NaN follows DuckDB and PostgreSQL: it equals NaN and is larger than every other
 * value, so {@code x > 5} holds for NaN. Writers usually leave NaN out of min/max statistics, so a
 * floating-point chunk whose max is below a bound may still hold a NaN above it: GT and GE never prune
 * floating-point columns (LT, LE and EQ with a number are unaffected: NaN never satisfies them).
 */
public final class PredicatePruner {
    private PredicatePruner() {
    }

    /**
     * Whether rows described by {@code statistics} might satisfy {@code predicate}.
     *
     * @param rowCount   rows in the chunk
     * @param columnType the column's type in the dataset (NE, GT and GE on floating point never prune: NaN
     *                   satisfies them and may be missing from the statistics)
     */
    public static boolean mightMatch(ColumnPredicate predicate, ColumnStatistics statistics, long rowCount,
                                     ArrowType columnType) {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(statistics, "statistics");
        if (rowCount == 0) {
            return false;
        }
        boolean allNull = statistics.hasNullCount() && statistics.nullCount() >= rowCount;
        return switch (predicate.operator()) {
            case IS_NULL -> !statistics.hasNullCount() || statistics.nullCount() > 0;
            case IS_NOT_NULL -> !allNull;
            case EQ -> !allNull && mightEqual(statistics, predicate.value());
            case NE -> !allNull && mightDiffer(statistics, predicate.value(), columnType);
            case LT -> !allNull && holds(compare(statistics.min(), predicate.value()), order -> order < 0);
            case LE -> !allNull && holds(compare(statistics.min(), predicate.value()), order -> order <= 0);
            case GT -> !allNull && (columnType instanceof ArrowType.FloatingPoint
                    || holds(compare(statistics.max(), predicate.value()), order -> order > 0));
            case GE -> !allNull && (columnType instanceof ArrowType.FloatingPoint
                    || holds(compare(statistics.max(), predicate.value()), order -> order >= 0));
            case IN -> !allNull && predicate.values().stream().anyMatch(value -> mightEqual(statistics, value));
        };
    }

    private static boolean mightEqual(ColumnStatistics statistics, Object value) {
        return holds(compare(statistics.min(), value), order -> order <= 0)
                && holds(compare(statistics.max(), value), order -> order >= 0);
    }

    /** Every non-null value equals {@code value} only when min = max = value. */
    private static boolean mightDiffer(ColumnStatistics statistics, Object value, ArrowType columnType) {
        if (columnType instanceof ArrowType.FloatingPoint) {
            return true;
        }
        Optional<Integer> minOrder = compare(statistics.min(), value);
        Optional<Integer> maxOrder = compare(statistics.max(), value);
        return !(minOrder.isPresent() && minOrder.get() == 0 && maxOrder.isPresent() && maxOrder.get() == 0);
    }

    private static Optional<Integer> compare(Object bound, Object value) {
        return StatisticValues.compare(bound, value);
    }

    /** An unknown order keeps the data. */
    private static boolean holds(Optional<Integer> order, java.util.function.IntPredicate test) {
        return order.isEmpty() || test.test(order.get());
    }
}
