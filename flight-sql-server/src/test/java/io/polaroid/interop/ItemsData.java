package io.polaroid.interop;

import io.polaroid.columnar.Batch;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The {@code items} Parquet file the interoperability tests query: one column of each type clients map
 * differently. Every value is a function of {@code id} (the methods below), so a test can compute what
 * any row must hold:
 * {@code id BIGINT NOT NULL, name VARCHAR, qty INT (NULL when id % 5 = 4), price DOUBLE, amount DECIMAL(12,2),
 * day DATE, ts TIMESTAMP, ts_utc TIMESTAMP WITH TIME ZONE, flag BOOLEAN}.
 * Row groups of {@value #ROW_GROUP} rows, so results stream in several batches.
 */
final class ItemsData {
    static final int ROWS = 10_000;
    static final int ROW_GROUP = 2_500;
    static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.nullable("name", ArrowType.Utf8.INSTANCE),
            Field.nullable("qty", new ArrowType.Int(32, true)),
            Field.nullable("price", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)),
            Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
            Field.nullable("ts", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
            Field.nullable("ts_utc", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
            Field.nullable("flag", ArrowType.Bool.INSTANCE)));

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    /** Microseconds on purpose: a driver that truncates to milliseconds shows. */
    private static final LocalDateTime FIRST_TS = LocalDateTime.of(2024, 3, 4, 9, 30, 0, 123_456_000);

    private ItemsData() {
    }

    static String name(long id) {
        return "item-" + id;
    }

    /** {@code null} for every fifth row. */
    static Integer qty(long id) {
        return id % 5 == 4 ? null : (int) (id % 100);
    }

    static double price(long id) {
        return id * 0.5;
    }

    static BigDecimal amount(long id) {
        return BigDecimal.valueOf(id * 100 + 25, 2);
    }

    static LocalDate day(long id) {
        return FIRST_DAY.plusDays(id % 365);
    }

    /** Wall-clock time of {@code ts}; {@code ts_utc} is the same wall-clock time in UTC. */
    static LocalDateTime ts(long id) {
        return FIRST_TS.plusSeconds(id);
    }

    static boolean flag(long id) {
        return id % 2 == 0;
    }

    static void write(Path file) {
        ParquetWriterOptions defaults = ParquetWriterOptions.defaults();
        ParquetWriterOptions options = new ParquetWriterOptions(defaults.codec(), ROW_GROUP, defaults.pageSizeBytes(),
                defaults.dictionary(), defaults.dataPageV2());
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
            ParquetWriter writer = ParquetWriter.create(file, SCHEMA, options);
            try {
                for (int start = 0; start < ROWS; start += ROW_GROUP) {
                    int count = Math.min(ROW_GROUP, ROWS - start);
                    fill(root, start, count);
                    writer.write(new Batch(root.getFieldVectors(), count));
                }
            } finally {
                writer.close();
            }
        }
    }

    private static void fill(VectorSchemaRoot root, long start, int count) {
        root.allocateNew();
        for (int i = 0; i < count; i++) {
            long id = start + i;
            ((BigIntVector) root.getVector("id")).setSafe(i, id);
            ((VarCharVector) root.getVector("name")).setSafe(i, name(id).getBytes(StandardCharsets.UTF_8));
            Integer qty = qty(id);
            if (qty == null) {
                ((IntVector) root.getVector("qty")).setNull(i);
            } else {
                ((IntVector) root.getVector("qty")).setSafe(i, qty);
            }
            ((Float8Vector) root.getVector("price")).setSafe(i, price(id));
            ((DecimalVector) root.getVector("amount")).setSafe(i, amount(id));
            ((DateDayVector) root.getVector("day")).setSafe(i, (int) day(id).toEpochDay());
            long micros = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), ts(id));
            ((TimeStampMicroVector) root.getVector("ts")).setSafe(i, micros);
            ((TimeStampMicroTZVector) root.getVector("ts_utc")).setSafe(i, micros);
            ((BitVector) root.getVector("flag")).setSafe(i, flag(id) ? 1 : 0);
        }
        root.setRowCount(count);
    }

    /** {@code ts_utc} of row {@code id} as an instant. */
    static java.time.Instant tsUtc(long id) {
        return ts(id).toInstant(ZoneOffset.UTC);
    }
}
