package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/** Locations, partitions, schema merging, schemas and the errors of catalog changes. */
class CatalogDatasetsTest extends CatalogTestBase {
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType INTEGER = new ArrowType.Int(32, true);
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);

    private static String rows(int from, int to) {
        return "SELECT CAST(i AS BIGINT) AS id, CAST(i AS DOUBLE) * 1.5 AS price, 'n' || i AS name FROM range("
                + from + ", " + to + ") t(i)";
    }

    private static List<String> names(List<Field> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    @Test
    void singleFileDataset() {
        Path file = write("trades.parquet", rows(0, 10));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot snapshot = catalog.createDataset(name("trades"), "trades.parquet", CacheMode.NONE, false);

        assertEquals(file.toString(), snapshot.location(), "relative locations are stored absolute");
        assertEquals(1, snapshot.version());
        assertEquals(10, snapshot.rowCount());
        assertEquals(Files.exists(file) ? 1 : 0, snapshot.files().size());
        assertEquals(List.of("id", "price", "name"), names(snapshot.schema().getFields()));
        assertEquals(BIGINT, snapshot.schema().getFields().get(0).getType());
        assertEquals(DOUBLE, snapshot.schema().getFields().get(1).getType());
        assertEquals(ArrowType.Utf8.INSTANCE, snapshot.schema().getFields().get(2).getType());
        assertEquals(List.of(), snapshot.partitionColumns());

        List<List<Object>> rows = ScanResults.scan(snapshot, queryAllocator, List.of("name", "id"));
        assertEquals(10, rows.size());
        assertEquals(List.of("n3", 3L), rows.get(3));

        DatasetDescriptor descriptor = catalog.datasets().get(0);
        assertEquals(new DatasetDescriptor(name("trades"), file.toString(), CacheMode.NONE, 10, 1,
                snapshot.totalBytes(), snapshot.schema()), descriptor);
        assertTrue(descriptor.bytes() > 0);
    }

    @Test
    void directoryDatasetIsRecursiveAndSkipsHiddenFiles() throws IOException {
        write("d/a.parquet", rows(0, 5));
        write("d/sub/b.parquet", rows(5, 12));
        Files.writeString(dir.resolve("d/_SUCCESS"), "");
        Files.writeString(dir.resolve("d/.a.parquet.crc"), "garbage");
        write("d/_temporary/c.parquet", rows(100, 200));
        Files.writeString(dir.resolve("d/readme.txt"), "not data");

        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("d"), "d", CacheMode.NONE, false);
        assertEquals(2, snapshot.files().size());
        assertEquals(12, snapshot.rowCount());
        assertEquals(12, ScanResults.scan(snapshot, queryAllocator, List.of("id")).size());
    }

    @Test
    void globDatasets() {
        write("t/trades_2024-01.parquet", rows(0, 3));
        write("t/trades_2024-02.parquet", rows(3, 7));
        write("t/trades_2023-12.parquet", rows(7, 20));
        write("t/deep/x/trades_2024-03.parquet", rows(20, 21));
        Catalog catalog = memoryCatalog();

        DatasetSnapshot year = catalog.createDataset(name("y2024"), "t/trades_2024-*.parquet", CacheMode.NONE, false);
        assertEquals(7, year.rowCount());
        assertEquals(dir.resolve("t") + "/trades_2024-*.parquet", year.location());

        DatasetSnapshot all = catalog.createDataset(name("all"), dir.resolve("t") + "/**/*.parquet", CacheMode.NONE, false);
        assertEquals(4, all.files().size());
        assertEquals(21, all.rowCount());
    }

    @Test
    void hivePartitionsBecomeTypedColumns() {
        write("h/year=2024/day=2024-01-31/city=New%20York/a.parquet", rows(0, 3));
        write("h/year=2023/day=2023-12-01/city=Paris/b.parquet", rows(3, 5));
        write("h/year=" + "__HIVE_DEFAULT_PARTITION__" + "/day=2023-12-02/city=Oslo/c.parquet", rows(5, 6));

        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("h"), "h", CacheMode.NONE, false);
        assertEquals(List.of("year", "day", "city"), snapshot.partitionColumns());
        assertEquals(List.of("id", "price", "name", "year", "day", "city"), names(snapshot.schema().getFields()));
        assertEquals(BIGINT, snapshot.findColumn("year").orElseThrow().getType());
        assertEquals(new ArrowType.Date(DateUnit.DAY), snapshot.findColumn("day").orElseThrow().getType());
        assertEquals(ArrowType.Utf8.INSTANCE, snapshot.findColumn("city").orElseThrow().getType());

        List<List<Object>> rows = ScanResults.scan(snapshot, queryAllocator, List.of("id", "year", "day", "city"));
        assertEquals(6, rows.size());
        List<Object> ny = rows.stream().filter(r -> r.get(0).equals(0L)).findFirst().orElseThrow();
        assertEquals(2024L, ny.get(1));
        assertEquals(LocalDate.of(2024, 1, 31).toEpochDay(), ((Number) ny.get(2)).longValue());
        assertEquals("New York", ny.get(3));
        List<Object> unknownYear = rows.stream().filter(r -> r.get(0).equals(5L)).findFirst().orElseThrow();
        assertNull(unknownYear.get(1));
    }

    @Test
    void partitionValueReplacesAColumnOfTheSameName() {
        write("p/region=eu/a.parquet", "SELECT 1 AS id, 'us' AS Region");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("p"), "p", CacheMode.NONE, false);
        assertEquals(List.of("id", "region"), names(snapshot.schema().getFields()));
        assertEquals(List.of(List.of(1, "eu")), ScanResults.scan(snapshot, queryAllocator, List.of("id", "region")));
    }

    @Test
    void schemasMergeByNameWithMissingColumnsAsNullAndWidening() {
        write("m/1.parquet", "SELECT CAST(i AS INTEGER) AS id, 'a' || i AS only_first, CAST(i AS FLOAT) AS v FROM range(3) t(i)");
        write("m/2.parquet", "SELECT CAST(i AS BIGINT) AS id, CAST(i AS DOUBLE) AS v, i * 10 AS only_second FROM range(3, 5) t(i)");

        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("m"), "m", CacheMode.NONE, false);
        List<Field> fields = snapshot.schema().getFields();
        assertEquals(List.of("id", "only_first", "v", "only_second"), names(fields));
        assertEquals(BIGINT, fields.get(0).getType(), "INTEGER and BIGINT widen to BIGINT");
        assertEquals(DOUBLE, fields.get(2).getType(), "FLOAT and DOUBLE widen to DOUBLE");
        assertTrue(fields.get(3).isNullable());

        List<List<Object>> rows = ScanResults.scan(snapshot, queryAllocator, List.of("id", "only_first", "only_second", "v"));
        assertEquals(5, rows.size());
        List<Object> first = rows.stream().filter(r -> r.get(0).equals(1L)).findFirst().orElseThrow();
        assertEquals("a1", first.get(1));
        assertNull(first.get(2), "a column missing from a file reads as NULL");
        assertEquals(1.0, first.get(3));
        List<Object> second = rows.stream().filter(r -> r.get(0).equals(4L)).findFirst().orElseThrow();
        assertNull(second.get(1));
        assertEquals(40L, second.get(2));
    }

    @Test
    void incompatibleTypesFailNamingTheColumnAndBothFiles() {
        Path a = write("x/a.parquet", "SELECT 'text' AS amount");
        Path b = write("x/b.parquet", "SELECT CAST(5 AS BIGINT) AS amount");
        Catalog catalog = memoryCatalog();
        PolaroidException e = assertFails(ErrorCode.SCHEMA_MISMATCH,
                () -> catalog.createDataset(name("x"), "x", CacheMode.NONE, false));
        assertTrue(e.getMessage().contains("'amount'"), e.getMessage());
        assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains(b.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Utf8") && e.getMessage().contains("Int(64"), e.getMessage());
        assertEquals(List.of(), catalog.datasets(), "a failed CREATE leaves the catalog as it was");
    }

    @Test
    void missingLocationsEmptyGlobsAndCorruptFilesFailClearly() throws IOException {
        Catalog catalog = memoryCatalog();
        PolaroidException missing = assertFails(ErrorCode.FILE_NOT_FOUND,
                () -> catalog.createDataset(name("a"), "nothing/here.parquet", CacheMode.NONE, false));
        assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());

        Files.createDirectories(dir.resolve("empty"));
        assertFails(ErrorCode.FILE_NOT_FOUND, () -> catalog.createDataset(name("a"), "empty", CacheMode.NONE, false));
        assertFails(ErrorCode.FILE_NOT_FOUND, () -> catalog.createDataset(name("a"), "empty/*.parquet", CacheMode.NONE, false));

        Path corrupt = dir.resolve("bad/corrupt.parquet");
        Files.createDirectories(corrupt.getParent());
        Files.write(corrupt, "this is not a parquet file at all".getBytes());
        PolaroidException bad = assertFails(ErrorCode.DATA_CORRUPTED,
                () -> catalog.createDataset(name("bad"), "bad", CacheMode.NONE, false));
        assertTrue(bad.getMessage().contains(corrupt.toString()), bad.getMessage());
        assertTrue(bad.getMessage().contains("main.bad"), bad.getMessage());

        Path truncated = dir.resolve("trunc.parquet");
        byte[] good = Files.readAllBytes(write("good.parquet", rows(0, 100)));
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertFails(ErrorCode.DATA_CORRUPTED, () -> catalog.createDataset(name("t"), "trunc.parquet", CacheMode.NONE, false));

        assertEquals(List.of(), catalog.datasets());
    }

    @Test
    void datasetNamesAreCaseInsensitiveAndUnique() {
        write("a.parquet", rows(0, 1));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot created = catalog.createDataset(new DatasetName("main", "Trades"), "a.parquet", CacheMode.NONE, false);
        assertSame(created, catalog.snapshot(new DatasetName("MAIN", "trades")).orElseThrow());
        assertEquals("Trades", created.name().name(), "the name keeps its spelling");

        PolaroidException duplicate = assertFails(ErrorCode.DUPLICATE_TABLE,
                () -> catalog.createDataset(name("TRADES"), "a.parquet", CacheMode.NONE, false));
        assertTrue(duplicate.getMessage().contains("main.Trades"), duplicate.getMessage());
        assertSame(created, catalog.createDataset(name("trades"), "a.parquet", CacheMode.MEMORY, true),
                "IF NOT EXISTS returns the existing dataset unchanged");
    }

    @Test
    void dropAndRefreshOfMissingDatasets() {
        Catalog catalog = memoryCatalog();
        assertFails(ErrorCode.UNDEFINED_TABLE, () -> catalog.dropDataset(name("nope"), false));
        assertFalse(catalog.dropDataset(name("nope"), true));
        assertFails(ErrorCode.UNDEFINED_TABLE, () -> catalog.refreshDataset(name("nope")));

        write("a.parquet", rows(0, 1));
        catalog.createDataset(name("a"), "a.parquet", CacheMode.NONE, false);
        assertTrue(catalog.dropDataset(name("A"), false));
        assertTrue(catalog.snapshot(name("a")).isEmpty());
    }

    @Test
    void schemasCanBeCreatedListedAndDropped() {
        write("a.parquet", rows(0, 1));
        Catalog catalog = memoryCatalog();
        assertEquals(List.of("main"), catalog.schemaNames());
        catalog.createSchema("Zeta", false);
        catalog.createSchema("analytics", false);
        assertEquals(List.of("analytics", "main", "Zeta"), catalog.schemaNames());
        assertTrue(catalog.schemaExists("ZETA"));
        assertFails(ErrorCode.DUPLICATE_SCHEMA, () -> catalog.createSchema("zeta", false));
        catalog.createSchema("zeta", true);

        DatasetSnapshot inSchema = catalog.createDataset(new DatasetName("ANALYTICS", "t"), "a.parquet", CacheMode.NONE, false);
        assertEquals("analytics", inSchema.name().schema(), "the schema keeps the spelling it was created with");
        PolaroidException nonEmpty = assertFails(ErrorCode.DEPENDENT_OBJECTS_EXIST, () -> catalog.dropSchema("analytics", false));
        assertTrue(nonEmpty.getMessage().contains("t"), nonEmpty.getMessage());

        assertFails(ErrorCode.INVALID_STATEMENT, () -> catalog.dropSchema("MAIN", true));
        assertFails(ErrorCode.UNDEFINED_SCHEMA, () -> catalog.dropSchema("nope", false));
        catalog.dropSchema("nope", true);
        assertFails(ErrorCode.UNDEFINED_SCHEMA,
                () -> catalog.createDataset(new DatasetName("nope", "t"), "a.parquet", CacheMode.NONE, false));

        catalog.dropDataset(new DatasetName("analytics", "t"), false);
        catalog.dropSchema("analytics", false);
        catalog.dropSchema("zeta", false);
        assertEquals(List.of("main"), catalog.schemaNames());
    }

    @Test
    void datasetsAreListedAcrossSchemasInOrder() {
        write("a.parquet", rows(0, 2));
        Catalog catalog = memoryCatalog();
        catalog.createSchema("b", false);
        catalog.createDataset(new DatasetName("main", "z"), "a.parquet", CacheMode.NONE, false);
        catalog.createDataset(new DatasetName("b", "y"), "a.parquet", CacheMode.NONE, false);
        catalog.createDataset(new DatasetName("main", "a"), "a.parquet", CacheMode.NONE, false);
        assertEquals(List.of("b.y", "main.a", "main.z"),
                catalog.datasets().stream().map(d -> d.name().toString()).toList());
    }

    @Test
    void adHocSnapshotsAreNotRegistered() {
        write("r/1.parquet", rows(0, 4));
        write("r/2.parquet", rows(4, 6));
        Catalog catalog = memoryCatalog();
        DatasetSnapshot adHoc = catalog.adHoc("r/*.parquet");
        assertEquals(6, adHoc.rowCount());
        assertEquals(CacheMode.NONE, adHoc.cacheMode());
        assertEquals(0, adHoc.version());
        assertEquals(List.of(), catalog.datasets());
        assertEquals(6, ScanResults.scan(adHoc, queryAllocator, List.of("id")).size());
        assertFails(ErrorCode.FILE_NOT_FOUND, () -> catalog.adHoc("r/*.csv"));
    }

    @Test
    void findColumnPrefersExactThenUniqueCaseInsensitiveMatch() {
        // Parquet names are case-sensitive, so two files can hold "Price" and "price" as distinct columns.
        write("c/1.parquet", "SELECT 1 AS \"Price\", 3 AS \"Volume\"");
        write("c/2.parquet", "SELECT 2 AS \"price\"");
        DatasetSnapshot snapshot = memoryCatalog().createDataset(name("c"), "c", CacheMode.NONE, false);
        assertEquals("price", snapshot.findColumn("price").orElseThrow().getName());
        assertEquals("Price", snapshot.findColumn("Price").orElseThrow().getName());
        assertTrue(snapshot.findColumn("PRICE").isEmpty(), "ambiguous");
        assertEquals("Volume", snapshot.findColumn("volume").orElseThrow().getName());
        assertTrue(snapshot.findColumn("nope").isEmpty());
    }

    @Test
    void cacheModeParsing() {
        assertEquals(CacheMode.MEMORY, CacheMode.parse(" Memory "));
        assertEquals(CacheMode.NONE, CacheMode.parse("none"));
        PolaroidException e = assertFails(ErrorCode.INVALID_PARAMETER_VALUE, () -> CacheMode.parse("disk"));
        assertTrue(e.getMessage().contains("disk"));
    }

    @Test
    void progressIsReportedWhileReadingFooters() {
        for (int i = 0; i < 3; i++) {
            write("pr/" + i + ".parquet", rows(i, i + 1));
        }
        memoryCatalog().createDataset(name("pr"), "pr", CacheMode.NONE, false);
        Set<Long> completed = progress.stream()
                .filter(p -> p.phase() == CatalogProgress.Phase.READING_FOOTERS && p.total() == 3)
                .map(CatalogProgress::completed).collect(Collectors.toSet());
        assertEquals(Set.of(0L, 1L, 2L, 3L), completed);
    }

    @Test
    void closedCatalogRejectsUse() {
        Catalog catalog = memoryCatalog();
        catalog.close();
        catalog.close();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, catalog::datasets);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> catalog.createSchema("x", false));
    }

    @Test
    void intColumnsKeepTheirFileType() {
        write("i.parquet", "SELECT CAST(1 AS INTEGER) AS a");
        assertEquals(INTEGER, memoryCatalog().createDataset(name("i"), "i.parquet", CacheMode.NONE, false)
                .schema().getFields().get(0).getType());
    }
}
