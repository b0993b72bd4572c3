package io.polaroid.catalog.stats;

import static io.polaroid.catalog.ColumnPredicate.Operator.GE;
import static io.polaroid.catalog.ColumnPredicate.Operator.GT;
import static io.polaroid.catalog.ColumnPredicate.Operator.LE;
import static io.polaroid.catalog.ColumnPredicate.Operator.LT;
import static io.polaroid.catalog.ColumnPredicate.Operator.NE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.ColumnPredicate;
import io.polaroid.parquet.ColumnStatistics;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class PredicatePrunerTest {
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    /** 100 rows, 10 of them null, values between 10 and 20. */
    private static final ColumnStatistics TEN_TO_TWENTY = new ColumnStatistics(10, 10L, 20L);

    private static boolean keeps(ColumnPredicate predicate, ColumnStatistics statistics) {
        return PredicatePruner.mightMatch(predicate, statistics, 100, BIGINT);
    }

    @Test
    void comparisonsPruneOutsideTheRange() {
        assertTrue(keeps(ColumnPredicate.eq("x", 15L), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.eq("x", 10L), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.eq("x", 21L), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.compare("x", LT, 10L), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.compare("x", LE, 10L), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.compare("x", GT, 20L), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.compare("x", GE, 20L), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.compare("x", GT, 19.5), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.compare("x", GT, 20.5), TEN_TO_TWENTY));
    }

    @Test
    void inKeepsIfAnyValueFits() {
        assertTrue(keeps(ColumnPredicate.in("x", 1L, 12L), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.in("x", 1L, 30L), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.in("x", 1L, null), TEN_TO_TWENTY));
    }

    @Test
    void notEqualPrunesOnlyWhenEveryValueIsThatValue() {
        ColumnStatistics allFive = new ColumnStatistics(3, 5L, 5L);
        assertFalse(keeps(ColumnPredicate.compare("x", NE, 5L), allFive));
        assertTrue(keeps(ColumnPredicate.compare("x", NE, 6L), allFive));
        // NaN != 5.0 is true, and statistics do not count NaNs: never prune NE on floating point.
        assertTrue(PredicatePruner.mightMatch(ColumnPredicate.compare("x", NE, 5.0),
                new ColumnStatistics(0, 5.0, 5.0), 100, DOUBLE));
    }

    @Test
    void greaterThanNeverPrunesFloatingPointBecauseNaNIsLargest() {
        // NaN > 5.0 holds (DuckDB, PostgreSQL) and statistics leave NaNs out of max: keep the chunk.
        ColumnStatistics belowFive = new ColumnStatistics(0, 1.0, 4.0);
        assertTrue(PredicatePruner.mightMatch(ColumnPredicate.compare("x", GT, 5.0), belowFive, 100, DOUBLE));
        assertTrue(PredicatePruner.mightMatch(ColumnPredicate.compare("x", GE, 5.0), belowFive, 100, DOUBLE));
        // NaN is never below a number nor equal to one: those still prune.
        assertFalse(PredicatePruner.mightMatch(ColumnPredicate.compare("x", LT, 0.5), belowFive, 100, DOUBLE));
        assertFalse(PredicatePruner.mightMatch(ColumnPredicate.eq("x", 9.0), belowFive, 100, DOUBLE));
        // integers have no NaN
        assertFalse(keeps(ColumnPredicate.compare("x", GT, 30L), TEN_TO_TWENTY));
    }

    @Test
    void nullChecksUseTheNullCount() {
        assertTrue(keeps(ColumnPredicate.isNull("x"), TEN_TO_TWENTY));
        assertFalse(keeps(ColumnPredicate.isNull("x"), new ColumnStatistics(0, 10L, 20L)));
        assertTrue(keeps(ColumnPredicate.isNull("x"), new ColumnStatistics(-1, 10L, 20L)));
        ColumnStatistics allNull = new ColumnStatistics(100, null, null);
        assertFalse(keeps(ColumnPredicate.isNotNull("x"), allNull));
        assertFalse(keeps(ColumnPredicate.eq("x", 1L), allNull));
        assertTrue(keeps(ColumnPredicate.isNull("x"), allNull));
    }

    @Test
    void doubtKeepsTheData() {
        assertTrue(keeps(ColumnPredicate.eq("x", 99L), ColumnStatistics.UNKNOWN));
        // A known bound still prunes on its own side; the unknown one keeps.
        assertTrue(keeps(ColumnPredicate.eq("x", -99L), new ColumnStatistics(0, null, 20L)));
        assertFalse(keeps(ColumnPredicate.eq("x", 99L), new ColumnStatistics(0, null, 20L)));
        assertTrue(keeps(ColumnPredicate.eq("x", "abc"), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.eq("x", Double.NaN), TEN_TO_TWENTY));
        assertTrue(keeps(ColumnPredicate.eq("x", null), TEN_TO_TWENTY));
        assertTrue(PredicatePruner.mightMatch(ColumnPredicate.compare("x", GT, 1.0),
                new ColumnStatistics(0, Double.NaN, Double.NaN), 100, DOUBLE));
    }

    @Test
    void emptyChunksNeverMatch() {
        assertFalse(PredicatePruner.mightMatch(ColumnPredicate.isNull("x"), ColumnStatistics.UNKNOWN, 0, BIGINT));
    }

    @Test
    void stringsAndBooleansCompare() {
        ColumnStatistics symbols = new ColumnStatistics(0, "AAPL", "MSFT");
        assertTrue(PredicatePruner.mightMatch(ColumnPredicate.eq("s", "GOOG"), symbols, 10, ArrowType.Utf8.INSTANCE));
        assertFalse(PredicatePruner.mightMatch(ColumnPredicate.eq("s", "TSLA"), symbols, 10, ArrowType.Utf8.INSTANCE));
        assertFalse(PredicatePruner.mightMatch(ColumnPredicate.eq("b", true), new ColumnStatistics(0, false, false), 10,
                ArrowType.Bool.INSTANCE));
    }
}
