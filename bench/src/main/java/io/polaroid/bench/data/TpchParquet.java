package io.polaroid.bench.data;

import io.polaroid.columnar.Batch;
import io.polaroid.parquet.ParquetCodec;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes TPC-H tables as Parquet from the rows of TPC-H's own generator: dbgen as ported to Java by the Trino
 * project ({@code io.trino.tpch}). Keys, value domains, distributions and text are dbgen's, so predicates
 * select what the spec says they select, and at scale factor 1 the answers match the spec's validation output.
 *
 * <p>Types follow the spec (and DuckDB's {@code tpch} extension): identifiers BIGINT, integers INTEGER,
 * dates DATE, prices, quantities, discounts and taxes DECIMAL(15,2), text VARCHAR; no column is nullable.
 * Files are Snappy-compressed with DuckDB's default row-group size, {@value #ROW_GROUP_ROWS} rows; a large
 * table is split into files of about {@value #FILE_ROWS} rows (dbgen's "parts"), written in parallel.
 */
public final class TpchParquet {
    public static final int ROW_GROUP_ROWS = 122_880;
    public static final long FILE_ROWS = 1_500_000;
    private static final int BATCH_ROWS = 65_536;
    /** Rows at scale factor 1, to choose the number of files; nation and region do not scale. */
    private static final Map<String, Long> ROWS_AT_SF1 = Map.of("lineitem", 6_001_215L, "orders", 1_500_000L,
            "customer", 150_000L, "part", 200_000L, "partsupp", 800_000L, "supplier", 10_000L,
            "nation", 25L, "region", 5L);
    private static final ParquetWriterOptions OPTIONS =
            new ParquetWriterOptions(ParquetCodec.SNAPPY, ROW_GROUP_ROWS, 1 << 20, true, false);

    private final double scaleFactor;

    public TpchParquet(double scaleFactor) {
        if (!(scaleFactor > 0)) {
            throw new IllegalArgumentException("scale factor must be positive: " + scaleFactor);
        }
        this.scaleFactor = scaleFactor;
    }

    /** How many files {@code table} is split into at this scale factor. */
    public int files(String table) {
        long rows = Objects.requireNonNull(ROWS_AT_SF1.get(table), () -> "not a TPC-H table: " + table);
        boolean scales = !table.equals("nation") && !table.equals("region");
        double scaled = scales ? rows * scaleFactor : rows;
        return (int) Math.max(1, Math.round(scaled / FILE_ROWS));
    }

    /** Writes {@code table} into {@code directory} as {@code part-0.parquet}, ... on up to {@code threads} threads. */
    public void write(String table, Path directory, int threads) throws IOException {
        TpchTable<?> tpchTable = TpchTable.getTable(table);
        Files.createDirectories(directory);
        int parts = files(table);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, parts)));
        try (BufferAllocator allocator = new RootAllocator()) {
            List<Future<?>> written = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                Path file = directory.resolve("part-" + (part - 1) + ".parquet");
                int thisPart = part;
                written.add(pool.submit(() -> writePart(tpchTable, thisPart, parts, file, allocator)));
            }
            for (Future<?> part : written) {
                await(part);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> part) throws IOException {
        try {
            part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating TPC-H data", e);
        } catch (ExecutionException e) {
            throw new IOException("generating TPC-H data failed: " + e.getCause(), e.getCause());
        }
    }

    private <E extends TpchEntity> void writePart(TpchTable<E> table, int part, int parts, Path file,
                                                  BufferAllocator parent) {
        List<ColumnWriter<E>> columns = new ArrayList<>();
        for (TpchColumn<E> column : table.getColumns()) {
            columns.add(ColumnWriter.of(column));
        }
        Schema schema = new Schema(columns.stream().map(ColumnWriter::field).toList());
        try (BufferAllocator allocator = parent.newChildAllocator(file.toString(), 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
             ParquetWriter writer = ParquetWriter.create(file, schema, OPTIONS)) {
            Iterator<E> rows = table.createGenerator(scaleFactor, part, parts).iterator();
            while (rows.hasNext()) {
                root.getFieldVectors().forEach(FieldVector::reset);
                int n = 0;
                while (n < BATCH_ROWS && rows.hasNext()) {
                    E row = rows.next();
                    for (int c = 0; c < columns.size(); c++) {
                        columns.get(c).write(root.getVector(c), n, row);
                    }
                    n++;
                }
                root.setRowCount(n);
                writer.write(new Batch(root.getFieldVectors(), n));
            }
        }
    }

    /** One TPC-H column: its Arrow field and how a generated row's value goes into the vector. */
    private record ColumnWriter<E extends TpchEntity>(Field field, TpchColumn<E> column) {
        static <E extends TpchEntity> ColumnWriter<E> of(TpchColumn<E> column) {
            ArrowType type = switch (column.getType().getBase()) {
                case IDENTIFIER -> new ArrowType.Int(64, true);
                case INTEGER -> new ArrowType.Int(32, true);
                case DATE -> new ArrowType.Date(DateUnit.DAY);
                case DOUBLE -> new ArrowType.Decimal(15, 2, 128);
                case VARCHAR -> ArrowType.Utf8.INSTANCE;
            };
            return new ColumnWriter<>(Field.notNullable(column.getColumnName(), type), column);
        }

        void write(FieldVector vector, int index, E row) {
            switch (column.getType().getBase()) {
                case IDENTIFIER -> ((BigIntVector) vector).setSafe(index, column.getIdentifier(row));
                case INTEGER -> ((IntVector) vector).setSafe(index, column.getInteger(row));
                case DATE -> ((DateDayVector) vector).setSafe(index, column.getDate(row));
                // dbgen's decimals are exact cents held in a double: rounding recovers them exactly
                case DOUBLE -> ((DecimalVector) vector).setSafe(index, Math.round(column.getDouble(row) * 100));
                case VARCHAR -> ((VarCharVector) vector).setSafe(index,
                        column.getString(row).getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalStateException("unexpected TPC-H type " + column.getType());
            }
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TPC-H SF %s", scaleFactor);
    }
}
