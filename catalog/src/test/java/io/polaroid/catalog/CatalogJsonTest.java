package io.polaroid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.location.DataLocations;
import io.polaroid.catalog.snapshot.Snapshot;
import io.polaroid.catalog.snapshot.SnapshotFactory;
import io.polaroid.parquet.ColumnStatistics;
import io.polaroid.parquet.RowGroupInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The manifest format: every value representation survives a write and a read exactly. */
class CatalogJsonTest {
    private static final Field LONG = Field.nullable("l", new ArrowType.Int(64, true));
    private static final Field DOUBLE = Field.nullable("d", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
    private static final Field DECIMAL = Field.nullable("m", new ArrowType.Decimal(12, 3, 128));
    private static final Field TEXT = Field.nullable("s", ArrowType.Utf8.INSTANCE);
    private static final Field FLAG = new Field("b", FieldType.notNullable(ArrowType.Bool.INSTANCE), null);
    private static final Field TS = Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
    private static final Field BYTES = Field.nullable("raw", ArrowType.Binary.INSTANCE);
    private static final Field NESTED = new Field("n", FieldType.nullable(ArrowType.Struct.INSTANCE),
            List.of(Field.nullable("x", new ArrowType.Int(32, true)), Field.nullable("tags", ArrowType.Utf8.INSTANCE)));
    private static final Field DAY = Field.nullable("day", new ArrowType.Date(DateUnit.DAY));
    private static final Field REGION = Field.nullable("region", ArrowType.Utf8.INSTANCE);

    @Test
    void manifestsRoundTripEveryValueRepresentation() throws IOException {
        Schema fileSchema = new Schema(List.of(LONG, DOUBLE, DECIMAL, TEXT, FLAG, TS, BYTES, NESTED));
        Schema otherFileSchema = new Schema(List.of(LONG));
        Map<String, ColumnStatistics> stats = new HashMap<>();
        stats.put("l", new ColumnStatistics(0, Long.MIN_VALUE, Long.MAX_VALUE));
        stats.put("d", new ColumnStatistics(2, Double.NEGATIVE_INFINITY, Double.NaN));
        stats.put("m", new ColumnStatistics(-1, new BigDecimal("-1.500"), new BigDecimal("99999999.999")));
        stats.put("s", new ColumnStatistics(0, "\"quoted\" ünïcödé 😀", "z\n"));
        stats.put("b", new ColumnStatistics(0, false, true));
        stats.put("ts", new ColumnStatistics(1, -5L, 1_700_000_000_000_000L));
        stats.put("raw", new ColumnStatistics(3, null, null));
        Map<String, Object> partitions = new LinkedHashMap<>();
        partitions.put("day", 19_723L);
        partitions.put("region", null);
        DataFile first = new DataFile(Path.of("/data/day=2024-01-01/region=__HIVE_DEFAULT_PARTITION__/a.parquet"), 1234,
                1_700_000_000_123L, partitions, 30, List.of(new RowGroupInfo(0, 10, 400, stats),
                new RowGroupInfo(1, 20, 800, Map.of("l", new ColumnStatistics(0, 1L, 1L)))), fileSchema);
        DataFile second = new DataFile(Path.of("/data/day=2024-01-02/region=eu/b.parquet"), 99, 5, Map.of("day", 19_724L,
                "region", "eu"), 0, List.of(), otherFileSchema);
        Schema datasetSchema = new Schema(List.of(LONG, DOUBLE, DECIMAL, TEXT, FLAG, TS, BYTES, NESTED, DAY, REGION));

        try (RootAllocator allocator = new RootAllocator();
             SnapshotFactory factory = new SnapshotFactory(new DataLocations(Path.of("/")),
                     CatalogOptions.builder(allocator).build())) {
            DatasetName name = new DatasetName("main", "Trades");
            Snapshot original = factory.restore(name, "/data", CacheMode.MEMORY, 7, datasetSchema, List.of("day", "region"),
                    List.of(first, second));
            byte[] json = CatalogJson.writeManifest(original);
            assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"fileSchemas\""));

            Snapshot read = CatalogJson.readManifest(json,
                    new CatalogJson.DatasetEntry(name, "/data", CacheMode.MEMORY, "manifests/x.json"), factory);
            assertEquals(7, read.version());
            assertEquals(datasetSchema, read.schema());
            assertEquals(List.of("day", "region"), read.partitionColumns());
            assertEquals(original.files(), read.files());
            assertTrue(Double.isNaN((Double) read.files().get(0).rowGroups().get(0).statistics().get("d").max()));
            assertNull(read.files().get(0).partitionValues().get("region"));
            original.release();
            read.release();
        }
    }

    @Test
    void definitionsRoundTrip() throws IOException {
        CatalogJson.Definitions definitions = new CatalogJson.Definitions(List.of("main", "Analytics"), List.of(
                new CatalogJson.DatasetEntry(new DatasetName("Analytics", "t"), "/x/*.parquet", CacheMode.NONE, "manifests/a.json")));
        assertEquals(definitions, CatalogJson.readDefinitions(CatalogJson.writeDefinitions(definitions)));
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRejected() {
        assertThrows(IOException.class, () -> CatalogJson.decodeValue(
                com.fasterxml.jackson.databind.node.TextNode.valueOf("x"), LONG.getType()));
        assertThrows(IOException.class, () -> CatalogJson.decodeValue(
                com.fasterxml.jackson.databind.node.TextNode.valueOf("1e"), DECIMAL.getType()));
        assertThrows(IOException.class, () -> CatalogJson.readDefinitions("[]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> CatalogJson.readDefinitions(
                "{\"format\":\"polaroid-manifest\",\"formatVersion\":1}".getBytes(StandardCharsets.UTF_8)));
    }
}
