package io.polaroid.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files parquet-java writes with every writer option (v1/v2 pages, dictionary on/off, every codec, byte
 * stream split), read back and compared with the values written, and with what DuckDB reads.
 */
class ParquetJavaInteropTest extends AllocatorTest {
    private static final int ROWS = 7_000;


    /** A column: its schema line, how to write row i, and the value the reader must produce (null for a null). */
    private record Column(String schema, Writer writer, IntFunction<Object> expected) {
    }

    private interface Writer {
        void add(Group group, String name, int i);
    }

    private static String name(Column column) {
        String[] parts = column.schema().trim().split("\\s+");
        String last = parts[2];
        return last.replace(";", "").replaceAll("\\(.*", "");
    }

    private static final long JULIAN_EPOCH = 2_440_588L;

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("required int64 id;", (g, n, i) -> g.add(n, (long) i), i -> (long) i));
        columns.add(nullable("optional int32 i32;", 7, i -> i % 3 == 0 ? Integer.MIN_VALUE + i : i * 31 - 100_000,
                (g, n, v) -> g.add(n, (int) v), v -> v));
        columns.add(nullable("optional int64 i64;", 5, i -> i == 1 ? Long.MAX_VALUE : (long) i * 1_000_003L - 99,
                (g, n, v) -> g.add(n, (long) v), v -> v));
        columns.add(nullable("optional int32 i8 (INTEGER(8,true));", 11, i -> i % 256 - 128,
                (g, n, v) -> g.add(n, (int) v), v -> v));
        columns.add(nullable("optional int32 i16 (INTEGER(16,true));", 0, i -> i % 65536 - 32768,
                (g, n, v) -> g.add(n, (int) v), v -> v));
        columns.add(nullable("optional int32 u8 (INTEGER(8,false));", 13, i -> i % 256,
                (g, n, v) -> g.add(n, (int) v), v -> v));
        columns.add(nullable("optional int32 u16 (INTEGER(16,false));", 13, i -> i * 9 % 65536,
                (g, n, v) -> g.add(n, (int) v), v -> v));
        columns.add(nullable("optional int32 u32 (INTEGER(32,false));", 13, i -> (int) (i * 2654435761L),
                (g, n, v) -> g.add(n, (int) v), v -> Integer.toUnsignedLong((int) v)));
        columns.add(nullable("optional int64 u64 (INTEGER(64,false));", 13, i -> i * -7_000_000_000_001L,
                (g, n, v) -> g.add(n, (long) v), v -> new BigInteger(Long.toUnsignedString((long) v))));
        columns.add(nullable("optional float f;", 4, i -> i % 10 == 1 ? Float.NaN : i % 10 == 2
                        ? Float.NEGATIVE_INFINITY : i / 7f, (g, n, v) -> g.add(n, (float) v), v -> v));
        columns.add(nullable("optional double d;", 4, i -> i % 10 == 1 ? Double.NaN : i % 10 == 2
                        ? Double.POSITIVE_INFINITY : i % 10 == 3 ? -0.0 : i / 7.0, (g, n, v) -> g.add(n, (double) v), v -> v));
        columns.add(nullable("optional boolean b;", 3, i -> i % 5 < 2, (g, n, v) -> g.add(n, (boolean) v), v -> v));
        columns.add(nullable("optional binary s (STRING);", 6, i -> i % 9 == 1 ? "" : "s" + (i % 97) + "-ü€😀",
                (g, n, v) -> g.add(n, (String) v), v -> v));
        columns.add(nullable("optional binary uniq (STRING);", 0, i -> "unique-value-" + i,
                (g, n, v) -> g.add(n, (String) v), v -> v));
        columns.add(nullable("optional binary raw;", 8, i -> new byte[] {(byte) i, (byte) (i >> 8), 0, -1},
                (g, n, v) -> g.add(n, Binary.fromConstantByteArray((byte[]) v)), v -> v));
        columns.add(nullable("optional fixed_len_byte_array(16) u (UUID);", 9, i -> uuid(i),
                (g, n, v) -> g.add(n, Binary.fromConstantByteArray((byte[]) v)), v -> uuidText((byte[]) v)));
        columns.add(nullable("optional int32 dec9 (DECIMAL(9,2));", 7, i -> i * 12345 - 40_000_000,
                (g, n, v) -> g.add(n, (int) v), v -> BigDecimal.valueOf((int) v, 2)));
        columns.add(nullable("optional int64 dec18 (DECIMAL(18,4));", 7, i -> (long) i * 123_456_789_012L - 1,
                (g, n, v) -> g.add(n, (long) v), v -> BigDecimal.valueOf((long) v, 4)));
        columns.add(nullable("optional fixed_len_byte_array(16) dec38 (DECIMAL(38,6));", 7,
                i -> BigInteger.TEN.pow(37).subtract(BigInteger.valueOf(i * 99_991L)).multiply(BigInteger.valueOf(i % 2 == 0 ? 1 : -1)),
                (g, n, v) -> g.add(n, Binary.fromConstantByteArray(fixed((BigInteger) v, 16))),
                v -> new BigDecimal((BigInteger) v, 6)));
        columns.add(nullable("optional binary decbin (DECIMAL(30,3));", 7, i -> BigInteger.valueOf(i).pow(5).negate(),
                (g, n, v) -> g.add(n, Binary.fromConstantByteArray(((BigInteger) v).toByteArray())),
                v -> new BigDecimal((BigInteger) v, 3)));
        columns.add(nullable("optional int32 date (DATE);", 10, i -> i * 17 - 60_000,
                (g, n, v) -> g.add(n, (int) v), v -> LocalDate.ofEpochDay((int) v)));
        columns.add(nullable("optional int32 tmillis (TIME(MILLIS,true));", 10, i -> i * 12_345 % 86_400_000,
                (g, n, v) -> g.add(n, (int) v), v -> LocalTime.ofNanoOfDay((int) v * 1_000_000L)));
        columns.add(nullable("optional int64 tmicros (TIME(MICROS,false));", 10, i -> i * 12_345_679L % 86_400_000_000L,
                (g, n, v) -> g.add(n, (long) v), v -> LocalTime.ofNanoOfDay((long) v * 1000)));
        columns.add(nullable("optional int64 tnanos (TIME(NANOS,false));", 10, i -> i * 12_345_678_901L % 86_400_000_000_000L,
                (g, n, v) -> g.add(n, (long) v), v -> LocalTime.ofNanoOfDay((long) v / 1000 * 1000)));
        columns.add(nullable("optional int64 tsmillis (TIMESTAMP(MILLIS,true));", 10, i -> (i - 3500L) * 86_400_123_457L,
                (g, n, v) -> g.add(n, (long) v), v -> Instant.ofEpochMilli((long) v)));
        columns.add(nullable("optional int64 tsmicros (TIMESTAMP(MICROS,false));", 10, i -> (i - 3500L) * 86_400_123_457_1L,
                (g, n, v) -> g.add(n, (long) v), v -> localMicros((long) v)));
        columns.add(nullable("optional int64 tsnanos (TIMESTAMP(NANOS,true));", 10, i -> (i - 3500L) * 1_000_000_123_457L + 999,
                (g, n, v) -> g.add(n, (long) v), v -> localMicros(Math.floorDiv((long) v, 1000L)).toInstant(ZoneOffset.UTC)));
        columns.add(nullable("optional int96 ts96;", 10, i -> new long[] {2_440_588L + (i - 3500) * 3L, i * 1_000_000_007L % 86_400_000_000_000L},
                (g, n, v) -> g.add(n, int96((long[]) v)),
                v -> localMicros((((long[]) v)[0] - JULIAN_EPOCH) * 86_400_000_000L + ((long[]) v)[1] / 1000)));
        columns.add(nullable("optional fixed_len_byte_array(2) half (FLOAT16);", 10, i -> new short[] {(short) 0x3C00, (short) 0xC000,
                        (short) 0x7BFF, (short) 0x0001, (short) 0x7C00}[i % 5],
                (g, n, v) -> g.add(n, Binary.fromConstantByteArray(new byte[] {(byte) (short) v, (byte) (((short) v) >> 8)})),
                v -> new float[] {1f, -2f, 65504f, 5.9604645E-8f, Float.POSITIVE_INFINITY}[java.util.List.of((short) 0x3C00,
                        (short) 0xC000, (short) 0x7BFF, (short) 0x0001, (short) 0x7C00).indexOf(v)]));
        columns.add(nullable("optional binary js (JSON);", 10, i -> "{\"a\":" + i + "}",
                (g, n, v) -> g.add(n, (String) v), v -> v));
        columns.add(nullable("optional binary en (ENUM);", 10, i -> "E" + (i % 3),
                (g, n, v) -> g.add(n, (String) v), v -> v));
        return columns;
    }

    private interface TypedWriter {
        void add(Group group, String name, Object value);
    }

    /** A column null on rows divisible by {@code nullEvery} (never if 0). */
    private static Column nullable(String schema, int nullEvery, IntFunction<Object> value, TypedWriter writer,
                                   java.util.function.Function<Object, Object> expected) {
        return new Column(schema, (g, n, i) -> {
            if (nullEvery == 0 || i % nullEvery != 0) {
                writer.add(g, n, value.apply(i));
            }
        }, i -> nullEvery != 0 && i % nullEvery == 0 ? null : expected.apply(value.apply(i)));
    }

    private static byte[] uuid(int i) {
        return ByteBuffer.allocate(16).putLong(0x0123456789abcdefL * i).putLong(~(long) i).array();
    }

    private static String uuidText(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new java.util.UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static byte[] fixed(BigInteger value, int length) {
        byte[] minimal = value.toByteArray();
        byte[] result = new byte[length];
        java.util.Arrays.fill(result, value.signum() < 0 ? (byte) -1 : 0);
        System.arraycopy(minimal, 0, result, length - minimal.length, minimal.length);
        return result;
    }

    private static Binary int96(long[] dayAndNanos) {
        ByteBuffer buffer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(dayAndNanos[1]).putInt((int) dayAndNanos[0]);
        return Binary.fromConstantByteArray(buffer.array());
    }

    private static LocalDateTime localMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) Math.floorMod(micros, 1_000_000L) * 1000,
                ZoneOffset.UTC);
    }

    private static MessageType schema(List<Column> columns) {
        StringBuilder text = new StringBuilder("message test {\n");
        for (Column column : columns) {
            text.append("  ").append(column.schema()).append('\n');
        }
        return MessageTypeParser.parseMessageType(text.append('}').toString());
    }

    private Path writeAllTypes(String fileName, ParquetJavaFiles.Options options) {
        List<Column> columns = columns();
        Path file = dir.resolve(fileName);
        ParquetJavaFiles.write(file, schema(columns), options, ROWS, (i, group) -> {
            for (Column column : columns) {
                column.writer().add(group, name(column), i);
            }
        });
        return file;
    }

    private static List<List<Object>> expectedRows() {
        List<Column> columns = columns();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            List<Object> row = new ArrayList<>();
            for (Column column : columns) {
                row.add(Normalized.of(column.expected().apply(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    static Stream<Arguments> writerOptions() {
        List<Arguments> arguments = new ArrayList<>();
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP, CompressionCodecName.ZSTD, CompressionCodecName.LZ4, CompressionCodecName.LZ4_RAW)) {
            for (boolean v2 : List.of(false, true)) {
                for (boolean dictionary : List.of(true, false)) {
                    arguments.add(Arguments.of(codec, v2, dictionary));
                }
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} v2={1} dictionary={2}")
    @MethodSource("writerOptions")
    void readsWhatParquetJavaWrote(CompressionCodecName codec, boolean v2, boolean dictionary) {
        Path file = writeAllTypes("pj.parquet", ParquetJavaFiles.Options.defaults().with(codec, v2, dictionary));
        ParquetFooter footer = ParquetFooter.read(file);
        List<List<Object>> actual = Reads.rows(footer, Reads.all(footer, 1000), allocator);
        DuckDbInteropTest.assertRowsEqual(expectedRows(), actual, footer);
    }

    @Test
    void readsByteStreamSplit() {
        Path file = writeAllTypes("bss.parquet", ParquetJavaFiles.Options.defaults().withByteStreamSplit());
        ParquetFooter footer = ParquetFooter.read(file);
        DuckDbInteropTest.assertRowsEqual(expectedRows(), Reads.rows(footer, Reads.all(footer, 4096), allocator), footer);
    }

    @Test
    void agreesWithDuckDbOnParquetJavaFiles() {
        Path file = writeAllTypes("pj-duck.parquet", ParquetJavaFiles.Options.defaults().with(CompressionCodecName.ZSTD, false, true));
        ParquetFooter footer = ParquetFooter.read(file);
        // DuckDB reads FLOAT16 as binary-less float too, but not TIME(NANOS) and unsigned the same way: compare
        // the columns both map identically.
        List<String> shared = List.of("id", "i32", "i64", "i8", "i16", "f", "d", "b", "s", "uniq", "dec9", "dec18",
                "dec38", "decbin", "date", "tsmillis", "tsmicros", "ts96", "js");
        List<org.apache.arrow.vector.types.pojo.Field> fields = footer.arrowSchema().getFields().stream()
                .filter(f -> shared.contains(f.getName())).toList();
        try (DuckDb duck = new DuckDb()) {
            DuckDbInteropTest.assertRowsEqual(duck.fileRows(file, Reads.columnList(fields)),
                    Reads.rows(footer, new ParquetReadRequest(fields,
                            java.util.stream.IntStream.range(0, footer.rowGroups().size()).boxed().toList(), 999), allocator),
                    fields);
        }
    }
}
