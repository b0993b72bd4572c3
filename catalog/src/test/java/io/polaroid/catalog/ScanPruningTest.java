package io.polaroid.catalog;

import static io.polaroid.catalog.ColumnPredicate.Operator.GE;
import static io.polaroid.catalog.ColumnPredicate.Operator.LT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.parquet.ColumnStatistics;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Projection, statistics, pruning of files and row groups, and splits. */
class ScanPruningTest extends CatalogTestBase {
    /** Two files of 10,000 rows each in row groups of 2048 (five per file), ids ascending. */
    private DatasetSnapshot twoFiles(Catalog catalog, CacheMode cache) {
        write("s/a.parquet", "SELECT i AS id, CASE WHEN i % 2 = 0 THEN 'even' ELSE 'odd' END AS parity, "
                + "CAST(NULL AS VARCHAR) AS nothing FROM range(0, 10000) t(i)", 2048);
        write("s/b.parquet", "SELECT i AS id, 'odd' AS parity, CAST(NULL AS VARCHAR) AS nothing "
                + "FROM range(10000, 20000) t(i)", 2048);
        return catalog.createDataset(name("s"), "s", cache, false);
    }

    private static ScanPlan plan(DatasetSnapshot snapshot, List<String> columns, ColumnPredicate... predicates) {
        return snapshot.planScan(new ScanRequest(columns, List.of(predicates), 4096));
    }

    private static Set<Long> ids(List<List<Object>> rows) {
        return rows.stream().map(r -> (Long) r.get(0)).collect(Collectors.toSet());
    }

    @Test
    void rowGroupStatisticsPruneRowGroups() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        assertEquals(5, snapshot.files().get(0).rowGroups().size(), "DuckDB wrote five row groups");
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.compare("id", GE, 9000L))) {
            assertEquals(new ScanMetrics(2, 0, 10, 4, false), plan.metrics());
            Set<Long> ids = ids(ScanResults.rows(plan, queryAllocator));
            // The kept row groups: the last of a.parquet (8192..9999) and all of b.parquet.
            assertEquals(LongStream.range(8192, 20000).boxed().collect(Collectors.toSet()), ids);
        }
    }

    @Test
    void fileStatisticsPruneWholeFiles() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.compare("id", LT, 100L))) {
            assertEquals(new ScanMetrics(2, 1, 10, 9, false), plan.metrics());
            assertEquals(LongStream.range(0, 2048).boxed().collect(Collectors.toSet()),
                    ids(ScanResults.rows(plan, queryAllocator)));
        }
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.eq("parity", "even"))) {
            assertEquals(1, plan.metrics().filesPruned(), "b.parquet holds only 'odd'");
        }
    }

    @Test
    void conjunctionsInAndNullChecksPrune() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.compare("id", GE, 1000L),
                ColumnPredicate.compare("id", LT, 3000L))) {
            assertEquals(8, plan.metrics().rowGroupsPruned());
        }
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.in("id", 5L, 19999L, 50000L))) {
            assertEquals(new ScanMetrics(2, 0, 10, 8, false), plan.metrics());
        }
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.isNull("id"))) {
            assertEquals(new ScanMetrics(2, 2, 10, 10, false), plan.metrics());
            assertEquals(List.of(), plan.splits());
        }
        try (ScanPlan plan = plan(snapshot, List.of("id"), ColumnPredicate.isNotNull("nothing"))) {
            assertEquals(2, plan.metrics().filesPruned(), "the column is NULL everywhere");
        }
    }

    @Test
    void doubtfulPredicatesKeepEverything() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        for (ColumnPredicate predicate : List.of(ColumnPredicate.eq("id", "not a number"), ColumnPredicate.eq("id", null),
                ColumnPredicate.eq("id", Double.NaN), ColumnPredicate.compare("parity", ColumnPredicate.Operator.NE, "odd"))) {
            try (ScanPlan plan = plan(snapshot, List.of("id"), predicate)) {
                assertEquals(predicate.operator() == ColumnPredicate.Operator.NE ? 1 : 0, plan.metrics().filesPruned(),
                        predicate.toString());
                assertEquals(predicate.operator() == ColumnPredicate.Operator.NE ? 5 : 0,
                        plan.metrics().rowGroupsPruned(), predicate.toString());
            }
        }
    }

    @Test
    void partitionPredicatesPruneFiles() {
        write("h/year=2023/a.parquet", "SELECT 1 AS v");
        write("h/year=2024/b.parquet", "SELECT 2 AS v");
        write("h/year=2024/c.parquet", "SELECT 3 AS v");
        write("h/year=__HIVE_DEFAULT_PARTITION__/d.parquet", "SELECT 4 AS v");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("h"), "h", CacheMode.NONE, false);
        try (ScanPlan plan = plan(snapshot, List.of("v", "year"), ColumnPredicate.eq("year", 2024L))) {
            assertEquals(new ScanMetrics(4, 2, 4, 2, false), plan.metrics());
            assertEquals(Set.of(List.of(2, 2024L), List.of(3, 2024L)),
                    Set.copyOf(ScanResults.rows(plan, queryAllocator)));
        }
        try (ScanPlan plan = plan(snapshot, List.of("v"), ColumnPredicate.isNull("year"))) {
            assertEquals(3, plan.metrics().filesPruned());
        }
    }

    @Test
    void predicatesOnAColumnAFileLacksPruneThatFile() {
        write("m/1.parquet", "SELECT 1 AS a");
        write("m/2.parquet", "SELECT 2 AS a, 'x' AS b");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("m"), "m", CacheMode.NONE, false);
        try (ScanPlan plan = plan(snapshot, List.of("a"), ColumnPredicate.eq("b", "x"))) {
            assertEquals(1, plan.metrics().filesPruned());
            assertEquals(List.of(List.of(2)), ScanResults.rows(plan, queryAllocator));
        }
    }

    @Test
    void columnStatisticsAggregateOverTheDataset() {
        write("w/1.parquet", "SELECT CAST(i AS INTEGER) AS v, CASE WHEN i = 0 THEN NULL ELSE 'k' || i END AS s "
                + "FROM range(0, 5) t(i)");
        write("w/2.parquet", "SELECT CAST(i AS DOUBLE) / 2 AS v FROM range(10, 12) t(i)");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("w"), "w", CacheMode.NONE, false);
        assertEquals(new ColumnStatistics(0, 0.0, 5.5), snapshot.columnStatistics("v").orElseThrow(),
                "INTEGER statistics are given in the widened DOUBLE representation");
        assertEquals(new ColumnStatistics(3, "k1", "k4"), snapshot.columnStatistics("s").orElseThrow(),
                "one NULL in the first file, two rows without the column in the second");
        assertTrue(snapshot.columnStatistics("nope").isEmpty());
    }

    @Test
    void countOnlyScansNeedNoColumns() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        try (ScanPlan plan = plan(snapshot, List.of())) {
            assertEquals(0, plan.schema().getFields().size());
            assertEquals(20000, plan.splits().stream().mapToLong(ScanSplit::estimatedRows).sum());
            assertEquals(20000, ScanResults.rows(plan, queryAllocator).size());
        }
    }

    @Test
    void columnsComeInRequestOrderAndMayRepeat() {
        write("o.parquet", "SELECT 1 AS a, 'two' AS b, 3.5::DOUBLE AS c");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("o"), "o.parquet", CacheMode.NONE, false);
        try (ScanPlan plan = plan(snapshot, List.of("c", "a", "c"))) {
            assertEquals(List.of("c", "a", "c"), plan.schema().getFields().stream().map(f -> f.getName()).toList());
            assertEquals(List.of(List.of(3.5, 1, 3.5)), ScanResults.rows(plan, queryAllocator));
        }
    }

    @Test
    void unknownColumnsFail() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        assertTrue(assertFails(ErrorCode.UNDEFINED_COLUMN, () -> plan(snapshot, List.of("ID")))
                .getMessage().contains("'ID'"));
        assertFails(ErrorCode.UNDEFINED_COLUMN, () -> plan(snapshot, List.of("id"), ColumnPredicate.eq("nope", 1L)));
    }

    @Test
    void splitsFollowTheSplitSize() {
        write("s/a.parquet", "SELECT i AS id FROM range(0, 10000) t(i)", 2048);
        Catalog small = track(Catalog.inMemory(options().splitRows(2048).build()));
        DatasetSnapshot perRowGroup = small.createDataset(name("s"), "s", CacheMode.NONE, false);
        try (ScanPlan plan = plan(perRowGroup, List.of("id"))) {
            assertEquals(5, plan.splits().size());
            assertEquals(List.of(2048L, 2048L, 2048L, 2048L, 1808L),
                    plan.splits().stream().map(ScanSplit::estimatedRows).toList());
            assertTrue(plan.splits().get(4).describe().contains("a.parquet"), plan.splits().get(4).describe());
        }
        DatasetSnapshot perFile = memoryCatalog().createDataset(name("s"), "s", CacheMode.NONE, false);
        try (ScanPlan plan = plan(perFile, List.of("id"))) {
            assertEquals(1, plan.splits().size());
        }
    }

    @Test
    void batchesRespectTheRequestedSize() {
        DatasetSnapshot snapshot = twoFiles(memoryCatalog(), CacheMode.NONE);
        try (ScanPlan plan = snapshot.planScan(new ScanRequest(List.of("id", "nothing"), List.of(), 1000))) {
            for (ScanSplit split : plan.splits()) {
                try (var source = split.open(queryAllocator)) {
                    for (var batch = source.next(); batch != null; batch = source.next()) {
                        assertTrue(batch.rowCount() > 0 && batch.rowCount() <= 1000, "rows " + batch.rowCount());
                        assertNull(batch.column(1).getObject(0));
                    }
                }
            }
        }
    }
}
