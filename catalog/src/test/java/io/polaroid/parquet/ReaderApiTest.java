package io.polaroid.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.util.TransferPair;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** Projection, row group selection, widening, absent columns, transferable batches, statistics, legacy lists. */
class ReaderApiTest extends AllocatorTest {

    private Path numbers() {
        Path file = dir.resolve("numbers.parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy("""
                    SELECT i::BIGINT AS id, (i % 100)::TINYINT AS t, (i * 3)::INTEGER AS n,
                      CASE WHEN i % 3 = 0 THEN NULL ELSE (i / 4)::FLOAT END AS f,
                      (i * 1.25)::DECIMAL(9, 2) AS d, 'v' || (i % 10) AS s
                    FROM range(10000) t(i)""", file, "ROW_GROUP_SIZE 2048");
        }
        return file;
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    @Test
    void projectsColumnsInRequestOrderAndReadsSelectedRowGroups() {
        Path file = numbers();
        ParquetFooter footer = ParquetFooter.read(file);
        // DuckDB rounds row groups to its 2048-row vectors.
        assertEquals(5, footer.rowGroups().size());
        List<Field> fields = List.of(footer.arrowSchema().findField("s"), footer.arrowSchema().findField("id"));
        List<List<Object>> rows = Reads.rows(footer, new ParquetReadRequest(fields, List.of(3, 1), 1000), allocator);
        assertEquals(4096, rows.size());
        assertEquals(List.of("v4", BigInteger.valueOf(6144)), rows.get(0));
        assertEquals(List.of("v5", BigInteger.valueOf(4095)), rows.get(4095));
    }

    @Test
    void widensIntoTheTargetTypeWhileDecoding() {
        ParquetFooter footer = ParquetFooter.read(numbers());
        List<Field> widened = List.of(
                field("t", new ArrowType.Int(64, true)),
                field("n", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                field("f", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                field("d", new ArrowType.Decimal(14, 5, 128)),
                field("id", new ArrowType.Int(64, true)));
        List<List<Object>> rows = Reads.rows(footer, new ParquetReadRequest(widened, List.of(0, 1, 2, 3, 4), 777), allocator);
        for (int i = 0; i < 10000; i += 37) {
            List<Object> row = rows.get(i);
            assertEquals(BigInteger.valueOf(i % 100), row.get(0));
            assertEquals((double) (i * 3), row.get(1));
            assertEquals(i % 3 == 0 ? null : (double) (float) (i / 4.0), row.get(2));
            assertEquals(Normalized.of(new BigDecimal(i).multiply(new BigDecimal("1.25"))), row.get(3));
        }
        assertTrue(ParquetTypes.widen(new ArrowType.Int(32, true), new ArrowType.Utf8()).isEmpty());
    }

    @Test
    void absentNullableColumnsReadAsNulls() {
        ParquetFooter footer = ParquetFooter.read(numbers());
        List<Field> fields = List.of(field("id", new ArrowType.Int(64, true)), field("missing", ArrowType.Utf8.INSTANCE),
                new Field("missing_list", FieldType.nullable(ArrowType.List.INSTANCE),
                        List.of(field("element", new ArrowType.Int(32, true)))));
        List<List<Object>> rows = Reads.rows(footer, new ParquetReadRequest(fields, List.of(2), 1000), allocator);
        assertEquals(2048, rows.size());
        for (List<Object> row : rows) {
            assertNull(row.get(1));
            assertNull(row.get(2));
        }
    }

    @Test
    void batchesAreTransferableAndFreedEvenAfterATransfer() {
        ParquetFooter footer = ParquetFooter.read(numbers());
        List<FieldVector> kept = new ArrayList<>();
        long rows = 0;
        try (BufferAllocator consumer = allocator.newChildAllocator("consumer", 0, Long.MAX_VALUE)) {
            try (ParquetReader reader = ParquetReader.open(footer, Reads.all(footer, 999), allocator)) {
                for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                    // Take the first column of every other batch; leave the rest to the reader.
                    if (rows % 2 == 0) {
                        TransferPair pair = batch.column(0).getTransferPair(consumer);
                        pair.transfer();
                        kept.add((FieldVector) pair.getTo());
                    }
                    rows += batch.rowCount();
                }
            }
            assertEquals(10_000, rows);
            assertTrue(consumer.getAllocatedMemory() > 0);
            assertEquals(BigInteger.ZERO, Normalized.of(kept.get(0), 0));
            kept.forEach(FieldVector::close);
        }
    }

    @Test
    void statisticsOfDuckDbFiles() {
        ParquetFooter footer = ParquetFooter.read(numbers());
        RowGroupInfo second = footer.rowGroups().get(1);
        assertEquals(2048, second.rowCount());
        assertEquals(new ColumnStatistics(0, 2048L, 4095L), second.statistics().get("id"));
        ColumnStatistics f = second.statistics().get("f");
        assertEquals(683, f.nullCount());
        assertEquals(new BigDecimal("2560.00"), second.statistics().get("d").min());
        assertEquals("v0", second.statistics().get("s").min());
        assertEquals("v9", second.statistics().get("s").max());
        assertEquals(10_000, footer.rowCount());
        assertTrue(footer.createdBy().toLowerCase().contains("duckdb"), footer.createdBy());
    }

    /** parquet-java's legacy list layouts, bare repeated fields and maps, against the values written. */
    @Test
    void readsLegacyAndBareRepeatedLayouts() {
        MessageType schema = MessageTypeParser.parseMessageType("""
                message m {
                  required int32 id;
                  optional group two_level (LIST) { repeated int32 element; }
                  optional group tuple_list (LIST) { repeated group tuple_list_tuple { required binary a (STRING); optional int32 b; } }
                  repeated int64 bare;
                  repeated group bare_groups { optional binary name (STRING); }
                  optional group m (MAP) { repeated group key_value { required binary key (STRING); optional double value; } }
                  optional group st { optional int32 x; optional group inner { repeated int32 ys; } }
                }""");
        Path file = dir.resolve("legacy.parquet");
        int rows = 3000;
        ParquetJavaFiles.write(file, schema, ParquetJavaFiles.Options.defaults(), rows, (i, g) -> {
            g.add("id", i);
            if (i % 4 != 0) {
                Group list = g.addGroup("two_level");
                for (int k = 0; k < i % 3; k++) {
                    list.add("element", i + k);
                }
            }
            if (i % 5 != 0) {
                Group tuples = g.addGroup("tuple_list");
                for (int k = 0; k < i % 4; k++) {
                    Group t = tuples.addGroup("tuple_list_tuple");
                    t.add("a", "a" + k);
                    if (k % 2 == 0) {
                        t.add("b", k);
                    }
                }
            }
            for (int k = 0; k < i % 3; k++) {
                g.add("bare", (long) i * k);
            }
            for (int k = 0; k < i % 2; k++) {
                Group named = g.addGroup("bare_groups");
                if (i % 3 != 0) {
                    named.add("name", "n" + i);
                }
            }
            if (i % 6 != 0) {
                Group map = g.addGroup("m");
                for (int k = 0; k < i % 3; k++) {
                    Group entry = map.addGroup("key_value");
                    entry.add("key", "k" + k);
                    if (k != 1) {
                        entry.add("value", k * 0.5);
                    }
                }
            }
            if (i % 7 != 0) {
                Group st = g.addGroup("st");
                if (i % 2 == 0) {
                    st.add("x", i);
                }
                if (i % 3 != 0) {
                    Group inner = st.addGroup("inner");
                    for (int k = 0; k < i % 4; k++) {
                        inner.add("ys", k);
                    }
                }
            }
        });
        ParquetFooter footer = ParquetFooter.read(file);
        List<List<Object>> actual = Reads.rows(footer, Reads.all(footer, 256), allocator);
        assertEquals(rows, actual.size());
        for (int i = 0; i < rows; i++) {
            List<Object> row = actual.get(i);
            assertEquals(BigInteger.valueOf(i), row.get(0));
            List<Object> twoLevel = new ArrayList<>();
            for (int k = 0; k < i % 3; k++) {
                twoLevel.add(BigInteger.valueOf(i + k));
            }
            assertEquals(i % 4 == 0 ? null : twoLevel, row.get(1), "two_level row " + i);
            List<Object> tuples = new ArrayList<>();
            for (int k = 0; k < i % 4; k++) {
                tuples.add(java.util.Arrays.asList("a" + k, k % 2 == 0 ? BigInteger.valueOf(k) : null));
            }
            assertEquals(i % 5 == 0 ? null : tuples, row.get(2), "tuple_list row " + i);
            List<Object> bare = new ArrayList<>();
            for (int k = 0; k < i % 3; k++) {
                bare.add(BigInteger.valueOf((long) i * k));
            }
            assertEquals(bare, row.get(3), "bare row " + i);
            List<Object> groups = new ArrayList<>();
            for (int k = 0; k < i % 2; k++) {
                groups.add(java.util.Arrays.asList(i % 3 != 0 ? "n" + i : null));
            }
            assertEquals(groups, row.get(4), "bare_groups row " + i);
            java.util.Map<Object, Object> map = new java.util.LinkedHashMap<>();
            for (int k = 0; k < i % 3; k++) {
                map.put("k" + k, k != 1 ? k * 0.5 : null);
            }
            assertEquals(i % 6 == 0 ? null : map, row.get(5), "map row " + i);
            Object expectedStruct = null;
            if (i % 7 != 0) {
                List<Object> ys = new ArrayList<>();
                for (int k = 0; k < i % 4; k++) {
                    ys.add(BigInteger.valueOf(k));
                }
                expectedStruct = java.util.Arrays.asList(i % 2 == 0 ? BigInteger.valueOf(i) : null,
                        i % 3 != 0 ? java.util.Arrays.asList(ys) : null);
            }
            assertEquals(expectedStruct, row.get(6), "st row " + i);
        }
        assertEquals(ArrowType.Map.class, footer.arrowSchema().findField("m").getType().getClass());
    }
}
