package io.polaroid.catalog.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polaroid.parquet.ColumnStatistics;
import org.junit.jupiter.api.Test;

class StatisticsAccumulatorTest {

    @Test
    void combinesNullCountsAndExtremes() {
        ColumnStatistics result = new StatisticsAccumulator()
                .add(new ColumnStatistics(1, 5L, 9L), 10)
                .add(new ColumnStatistics(2, 3L, 7L), 10)
                .result();
        assertEquals(new ColumnStatistics(3, 3L, 9L), result);
    }

    @Test
    void allNullChunksDoNotSpoilTheBounds() {
        ColumnStatistics result = new StatisticsAccumulator()
                .add(new ColumnStatistics(10, null, null), 10)
                .add(new ColumnStatistics(0, 3L, 7L), 10)
                .result();
        assertEquals(new ColumnStatistics(10, 3L, 7L), result);
    }

    @Test
    void unknownPartsStayUnknown() {
        ColumnStatistics result = new StatisticsAccumulator()
                .add(new ColumnStatistics(-1, null, 9L), 10)
                .add(new ColumnStatistics(0, 3L, 7L), 10)
                .result();
        assertEquals(new ColumnStatistics(-1, null, 9L), result);
    }

    @Test
    void mixedNumericRepresentationsFromWidenedFilesCompareByValue() {
        ColumnStatistics result = new StatisticsAccumulator()
                .add(new ColumnStatistics(0, 1L, 4L), 10)
                .add(new ColumnStatistics(0, 2.5, 3.5), 10)
                .add(new ColumnStatistics(0, Double.NaN, 1.0), 10)
                .result();
        assertEquals(new ColumnStatistics(0, null, 4L), result);
    }
}
