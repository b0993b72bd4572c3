package io.polaroid.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files we write read back identically through our reader, DuckDB and parquet-java. */
class ParquetWriterTest extends AllocatorTest {
    private static final int ROWS = 12_345;


    private static Field field(String name, ArrowType type, boolean nullable) {
        return new Field(name, new FieldType(nullable, type, null), null);
    }

    static Schema schema() {
        return new Schema(List.of(
                field("id", new ArrowType.Int(64, true), false),
                field("tiny", new ArrowType.Int(8, true), true),
                field("small", new ArrowType.Int(16, true), true),
                field("int_col", new ArrowType.Int(32, true), true),
                field("big", new ArrowType.Int(64, true), true),
                field("flt", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), true),
                field("dbl", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true),
                field("b", ArrowType.Bool.INSTANCE, true),
                field("d9", new ArrowType.Decimal(9, 2, 128), true),
                field("d18", new ArrowType.Decimal(18, 4, 128), true),
                field("d38", new ArrowType.Decimal(38, 10, 128), true),
                field("s", ArrowType.Utf8.INSTANCE, true),
                field("symbol", ArrowType.Utf8.INSTANCE, false),
                field("bin", ArrowType.Binary.INSTANCE, true),
                field("dt", new ArrowType.Date(DateUnit.DAY), true),
                field("tm", new ArrowType.Time(TimeUnit.MICROSECOND, 64), true),
                field("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null), true),
                field("tstz", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), true)));
    }

    /** Fills rows {@code [0, n)} of {@code root} with row numbers {@code first + i}. */
    static void fill(VectorSchemaRoot root, int first, int n) {
        root.allocateNew();
        for (int row = 0; row < n; row++) {
            final int r = row;
            final long i = first + row;
            boolean isNull = i % 7 == 3;
            ((BigIntVector) root.getVector("id")).setSafe(r, i);
            set(root, "tiny", r, isNull, v -> ((TinyIntVector) v).setSafe(r, (byte) (i % 256 - 128)));
            set(root, "small", r, i % 5 == 0, v -> ((SmallIntVector) v).setSafe(r, (short) (i * 7 % 65536 - 32768)));
            set(root, "int_col", r, isNull, v -> ((IntVector) v).setSafe(r, i == 1 ? Integer.MIN_VALUE
                    : i == 2 ? Integer.MAX_VALUE : (int) (i * 2654435761L)));
            set(root, "big", r, isNull, v -> ((BigIntVector) v).setSafe(r, i == 1 ? Long.MIN_VALUE : i * 1_000_000_007L));
            set(root, "flt", r, isNull, v -> ((Float4Vector) v).setSafe(r, i % 11 == 0 ? Float.NaN : i / 3f));
            set(root, "dbl", r, i % 9 == 0, v -> ((Float8Vector) v).setSafe(r, i % 13 == 0 ? Double.NEGATIVE_INFINITY
                    : i % 13 == 1 ? -0.0 : (i - 5000) / 7.0));
            set(root, "b", r, isNull, v -> ((BitVector) v).setSafe(r, i % 3 == 0 ? 1 : 0));
            set(root, "d9", r, isNull, v -> ((DecimalVector) v).setSafe(r, BigDecimal.valueOf(i * 997 - 5_000_000, 2)));
            set(root, "d18", r, isNull, v -> ((DecimalVector) v).setSafe(r, BigDecimal.valueOf(i * 1_234_567_891L, 4)));
            set(root, "d38", r, isNull, v -> ((DecimalVector) v).setSafe(r, new BigDecimal(
                    BigInteger.TEN.pow(36).add(BigInteger.valueOf(i)).multiply(BigInteger.valueOf(i % 2 == 0 ? 1 : -1)), 10)));
            set(root, "s", r, i % 4 == 0, v -> ((VarCharVector) v).setSafe(r,
                    (i % 10 == 1 ? "" : "value-" + (i % 300) + "-ü😀").getBytes(StandardCharsets.UTF_8)));
            ((VarCharVector) root.getVector("symbol")).setSafe(r, ("SYM" + (i % 50)).getBytes(StandardCharsets.UTF_8));
            set(root, "bin", r, isNull, v -> ((VarBinaryVector) v).setSafe(r, new byte[] {(byte) i, 0, (byte) (i >> 8)}));
            set(root, "dt", r, isNull, v -> ((DateDayVector) v).setSafe(r, (int) (i * 13 - 40_000)));
            set(root, "tm", r, isNull, v -> ((TimeMicroVector) v).setSafe(r, i * 7_000_001L % 86_400_000_000L));
            set(root, "ts", r, isNull, v -> ((TimeStampMicroVector) v).setSafe(r, (i - 6000) * 86_400_000_123L * 11));
            set(root, "tstz", r, isNull, v -> ((TimeStampMicroTZVector) v).setSafe(r, (i - 6000) * 3_600_000_001L));
        }
        root.setRowCount(n);
    }

    private interface Setter {
        void set(FieldVector vector);
    }

    private static void set(VectorSchemaRoot root, String name, int row, boolean isNull, Setter setter) {
        FieldVector vector = root.getVector(name);
        if (isNull) {
            vector.setNull(row);
        } else {
            setter.set(vector);
        }
    }

    /** Writes ROWS rows in batches of uneven size; returns the rows as written (normalized). */
    private List<List<Object>> write(Path file, ParquetWriterOptions options) {
        List<List<Object>> written = new ArrayList<>();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator);
             ParquetWriter writer = ParquetWriter.create(file, schema(), options)) {
            int first = 0;
            int batch = 1;
            while (first < ROWS) {
                int n = Math.min(ROWS - first, batch * 997 % 4000 + 1);
                fill(root, first, n);
                writer.write(new Batch(root.getFieldVectors(), n));
                for (int r = 0; r < n; r++) {
                    List<Object> row = new ArrayList<>();
                    for (FieldVector vector : root.getFieldVectors()) {
                        row.add(Normalized.of(vector, r));
                    }
                    written.add(row);
                }
                first += n;
                batch++;
            }
            assertEquals(ROWS, writer.rowsWritten());
        }
        return written;
    }

    static Stream<Arguments> options() {
        List<Arguments> arguments = new ArrayList<>();
        for (ParquetCodec codec : ParquetCodec.values()) {
            for (boolean v2 : List.of(false, true)) {
                for (boolean dictionary : List.of(true, false)) {
                    arguments.add(Arguments.of(new ParquetWriterOptions(codec, 5_000, 16 * 1024, dictionary, v2)));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest
    @MethodSource("options")
    void roundTripsThroughOurReaderDuckDbAndParquetJava(ParquetWriterOptions options) throws IOException {
        Path file = dir.resolve("ours.parquet");
        List<List<Object>> written = write(file, options);
        ParquetFooter footer = ParquetFooter.read(file);
        assertEquals(schema(), footer.arrowSchema(), "schema round trip");
        assertEquals(3, footer.rowGroups().size());
        DuckDbInteropTest.assertRowsEqual(written, Reads.rows(footer, Reads.all(footer, 1024), allocator), footer);
        try (DuckDb duck = new DuckDb()) {
            DuckDbInteropTest.assertRowsEqual(written, duck.fileRows(file, Reads.columnList(schema().getFields())), footer);
        }
        assertParquetJavaReads(file, written);
    }

    /** parquet-java's record reader sees the same rows (checked on a representative set of columns). */
    private static void assertParquetJavaReads(Path file, List<List<Object>> written) throws IOException {
        try (org.apache.parquet.hadoop.ParquetReader<Group> reader = ParquetJavaFiles.reader(file)) {
            int row = 0;
            for (Group group = reader.read(); group != null; group = reader.read(), row++) {
                List<Object> expected = written.get(row);
                assertEquals(expected.get(0), BigInteger.valueOf(group.getLong("id", 0)));
                assertEquals(expected.get(12), group.getString("symbol", 0));
                if (expected.get(11) == null) {
                    assertEquals(0, group.getFieldRepetitionCount("s"));
                } else {
                    assertEquals(expected.get(11), group.getString("s", 0));
                }
                if (expected.get(6) != null) {
                    assertEquals(expected.get(6), group.getDouble("dbl", 0));
                }
                if (expected.get(10) != null) {
                    BigDecimal d38 = new BigDecimal(new BigInteger(group.getBinary("d38", 0).getBytes()), 10);
                    assertEquals(expected.get(10), Normalized.of(d38));
                }
            }
            assertEquals(ROWS, row);
        }
    }

    @Test
    void writesStatisticsOurPruningUses() {
        Path file = dir.resolve("stats.parquet");
        List<List<Object>> written = write(file, new ParquetWriterOptions(ParquetCodec.ZSTD, 100_000, 1 << 20, true, false));
        ParquetFooter footer = ParquetFooter.read(file);
        RowGroupInfo group = footer.rowGroups().get(0);
        assertEquals(new ColumnStatistics(0, 0L, (long) ROWS - 1), group.statistics().get("id"));
        long nullInts = written.stream().filter(r -> r.get(3) == null).count();
        ColumnStatistics ints = group.statistics().get("int_col");
        assertEquals(nullInts, ints.nullCount());
        assertEquals((long) Integer.MIN_VALUE, ints.min());
        assertEquals((long) Integer.MAX_VALUE, ints.max());
        ColumnStatistics symbols = group.statistics().get("symbol");
        assertEquals("SYM0", symbols.min());
        assertEquals("SYM9", symbols.max());
        ColumnStatistics floats = group.statistics().get("flt");
        assertTrue(((Double) floats.max()) > 4000, "NaN must not be the float maximum: " + floats);
        ColumnStatistics d38 = group.statistics().get("d38");
        assertTrue(((BigDecimal) d38.min()).signum() < 0 && ((BigDecimal) d38.max()).signum() > 0, d38.toString());
        try (DuckDb duck = new DuckDb()) {
            assertEquals("SYM0", duck.scalar("SELECT stats_min_value FROM parquet_metadata('" + file
                    + "') WHERE path_in_schema = 'symbol'"));
        }
    }

    @Test
    void fallsBackToPlainWhenTheDictionaryGrowsLarge() {
        Path file = dir.resolve("fallback.parquet");
        // 16 KiB pages: the unique 'big' and 's' values overflow their dictionaries within the first row group.
        List<List<Object>> written = write(file, new ParquetWriterOptions(ParquetCodec.SNAPPY, 1_000_000, 16 * 1024, true, false));
        ParquetFooter footer = ParquetFooter.read(file);
        DuckDbInteropTest.assertRowsEqual(written, Reads.rows(footer, Reads.all(footer, 5000), allocator), footer);
        try (DuckDb duck = new DuckDb()) {
            String encodings = (String) duck.scalar("SELECT encodings FROM parquet_metadata('" + file
                    + "') WHERE path_in_schema = 'big'");
            assertTrue(encodings.contains("RLE_DICTIONARY") && encodings.contains("PLAIN"), encodings);
        }
    }

    @Test
    void rejectsTypesItCannotStore() {
        Schema nested = new Schema(List.of(new Field("l", FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(field("e", new ArrowType.Int(32, true), true)))));
        PolaroidException error = assertThrows(PolaroidException.class,
                () -> ParquetWriter.create(dir.resolve("x.parquet"), nested, ParquetWriterOptions.defaults()));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, error.code());
        assertTrue(error.getMessage().contains("'l'"), error.getMessage());
    }

    @Test
    void rejectsBatchesThatDoNotMatchAndDeletesTheFailedFile() {
        Path file = dir.resolve("mismatch.parquet");
        Schema one = new Schema(List.of(field("a", new ArrowType.Int(32, true), true)));
        try (BigIntVector wrong = new BigIntVector("a", allocator)) {
            wrong.allocateNew(1);
            wrong.set(0, 1);
            wrong.setValueCount(1);
            ParquetWriter writer = ParquetWriter.create(file, one, ParquetWriterOptions.defaults());
            PolaroidException error = assertThrows(PolaroidException.class,
                    () -> writer.write(new Batch(List.of(wrong), 1)));
            assertEquals(ErrorCode.SCHEMA_MISMATCH, error.code());
            writer.close();
            assertTrue(Files.exists(file), "a mismatched batch is refused before anything is written");
        }
    }

    @Test
    void failedWriteDeletesThePartialFile() throws IOException {
        Path file = dir.resolve("partial.parquet");
        Schema one = new Schema(List.of(field("a", new ArrowType.Int(32, true), false)));
        try (IntVector short1 = new IntVector("a", allocator)) {
            short1.allocateNew(1);
            short1.set(0, 1);
            short1.setValueCount(1);
            ParquetWriter writer = ParquetWriter.create(file, one, ParquetWriterOptions.defaults());
            // A batch claiming more rows than its vector holds is refused by Batch itself; simulate a failing write
            // with a vector whose buffers were released under the writer.
            IntVector released = new IntVector("a", allocator);
            released.allocateNew(4096);
            released.setValueCount(4096);
            Batch batch = new Batch(List.of(released), 4096);
            released.close();
            assertThrows(RuntimeException.class, () -> writer.write(batch));
            writer.close();
            assertFalse(Files.exists(file), "the partial file is deleted");
        }
    }

    @Test
    void emptyFileHasSchemaAndNoRows() {
        Path file = dir.resolve("empty.parquet");
        ParquetWriter.create(file, schema(), ParquetWriterOptions.defaults()).close();
        ParquetFooter footer = ParquetFooter.read(file);
        assertEquals(0, footer.rowCount());
        assertEquals(schema(), footer.arrowSchema());
        try (ParquetReader reader = ParquetReader.open(footer, Reads.all(footer, 100), allocator)) {
            assertEquals(null, reader.next());
        }
        try (DuckDb duck = new DuckDb()) {
            assertEquals(BigInteger.ZERO, duck.scalar("SELECT count(*) FROM '" + file + "'"));
        }
    }
}
