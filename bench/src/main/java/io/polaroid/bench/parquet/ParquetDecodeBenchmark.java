package io.polaroid.bench.parquet;

import io.polaroid.columnar.Batch;
import io.polaroid.parquet.ParquetCodec;
import io.polaroid.parquet.ParquetFooter;
import io.polaroid.parquet.ParquetReadRequest;
import io.polaroid.parquet.ParquetReader;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Full-scan decode speed of a trades-like file (symbol, ts, price, volume, side, venue): Polaroid's
 * ParquetReader into Arrow vectors, parquet-java's record path (GroupReadSupport), and DuckDB summing every
 * column single-threaded. Also times our writer generating the file. A measurement, not a test.
 *
 * <p>Run: {@code java --add-opens=java.base/java.nio=ALL-UNNAMED -cp <bench classpath>
 * io.polaroid.bench.parquet.ParquetDecodeBenchmark [rows] [runs] [dir]}.
 */
public final class ParquetDecodeBenchmark {
    private static final String[] VENUES = {"XNAS", "XNYS", "ARCX", "BATS", "IEXG", "EDGX", "MEMX", "LTSE"};
    private static final int BATCH_ROWS = 8192;

    private ParquetDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("polaroid-parquet-bench");
        System.out.printf(Locale.ROOT, "Parquet full-scan benchmark: %,d rows, %d timed runs after 3 warm-ups, JDK %s%n",
                rows, runs, System.getProperty("java.version"));
        List<String> lines = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator()) {
            for (ParquetCodec codec : List.of(ParquetCodec.SNAPPY, ParquetCodec.ZSTD)) {
                Path file = dir.resolve("trades-" + codec.name().toLowerCase(Locale.ROOT) + ".parquet");
                System.out.printf(Locale.ROOT, "%n%s%n", codec);
                writeTrades(file, rows, codec, allocator);
                System.out.printf(Locale.ROOT, "  file: %,d bytes%n", Files.size(file));

                double ours = best(runs, () -> scanOurs(file, allocator));
                double parquetJava = best(Math.max(1, runs / 2), () -> scanParquetJava(file));
                double duck = best(runs, () -> scanDuckDb(file, 1));
                double duckAll = best(runs, () -> scanDuckDb(file, Runtime.getRuntime().availableProcessors()));
                String line = String.format(Locale.ROOT,
                        "%-6s | polaroid %6.1f M rows/s | parquet-java records %5.1f M rows/s (ours %4.1fx faster) "
                                + "| duckdb 1 thread %6.1f M rows/s (ours %.2fx its time) | duckdb %d threads %6.1f M rows/s",
                        codec, rows / ours / 1e6, rows / parquetJava / 1e6, parquetJava / ours, rows / duck / 1e6,
                        ours / duck, Runtime.getRuntime().availableProcessors(), rows / duckAll / 1e6);
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private interface Scan {
        long run() throws Exception;
    }

    /** Best wall time in seconds of {@code runs} runs after two warm-ups; checks every run sees the same data. */
    private static double best(int runs, Scan scan) throws Exception {
        long check = scan.run();
        for (int i = 0; i < 2; i++) {
            if (scan.run() != check) {
                throw new IllegalStateException("scans disagree");
            }
        }
        double best = Double.MAX_VALUE;
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long result = scan.run();
            times[i] = (System.nanoTime() - start) / 1e9;
            if (result != check) {
                throw new IllegalStateException("scans disagree");
            }
            best = Math.min(best, times[i]);
        }
        System.out.printf(Locale.ROOT, "  runs (s): %s%n", Arrays.toString(Arrays.stream(times)
                .mapToObj(t -> String.format(Locale.ROOT, "%.3f", t)).toArray()));
        return best;
    }

    static Schema tradesSchema() {
        return new Schema(List.of(
                new Field("symbol", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("ts", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")), null),
                new Field("price", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null),
                new Field("volume", FieldType.notNullable(new ArrowType.Int(64, true)), null),
                new Field("side", FieldType.notNullable(ArrowType.Utf8.INSTANCE), null),
                new Field("venue", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
    }

    /**
     * Writes {@code rows} trades. The data is generated up front in a few batches that are written repeatedly
     * (timestamps shifted), so the time measured is the writer's, not the random generator's.
     */
    private static void writeTrades(Path file, int rows, ParquetCodec codec, BufferAllocator allocator) {
        int batchRows = 65_536;
        List<VectorSchemaRoot> batches = new ArrayList<>();
        try {
            SplittableRandom random = new SplittableRandom(42);
            for (int b = 0; b < 8; b++) {
                VectorSchemaRoot root = VectorSchemaRoot.create(tradesSchema(), allocator);
                batches.add(root);
                fillTrades(root, batchRows, random, b * (long) batchRows * 1_000);
            }
            long start = System.nanoTime();
            try (ParquetWriter writer = ParquetWriter.create(file, tradesSchema(),
                    ParquetWriterOptions.defaults().withCodec(codec))) {
                for (int first = 0, b = 0; first < rows; first += batchRows, b++) {
                    VectorSchemaRoot root = batches.get(b % batches.size());
                    int n = Math.min(batchRows, rows - first);
                    writer.write(new Batch(root.getFieldVectors(), n));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  ParquetWriter: %.2f s for %,d rows x 6 columns (%.1f M rows/s)%n",
                    seconds, rows, rows / seconds / 1e6);
        } finally {
            batches.forEach(VectorSchemaRoot::close);
        }
    }

    private static void fillTrades(VectorSchemaRoot root, int n, SplittableRandom random, long tsOffset) {
        byte[][] symbols = new byte[500][];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = ("S" + Integer.toString(i * 7919, 36).toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
        }
        byte[][] sides = {"buy".getBytes(StandardCharsets.UTF_8), "sell".getBytes(StandardCharsets.UTF_8)};
        byte[][] venues = Arrays.stream(VENUES).map(v -> v.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        VarCharVector symbol = (VarCharVector) root.getVector("symbol");
        TimeStampMicroTZVector time = (TimeStampMicroTZVector) root.getVector("ts");
        Float8Vector price = (Float8Vector) root.getVector("price");
        BigIntVector volume = (BigIntVector) root.getVector("volume");
        VarCharVector side = (VarCharVector) root.getVector("side");
        VarCharVector venue = (VarCharVector) root.getVector("venue");
        root.allocateNew();
        long ts = 1_704_067_200_000_000L + tsOffset;
        for (int i = 0; i < n; i++) {
            int s = (int) Math.min(symbols.length - 1, Math.abs(random.nextGaussian()) * 60);
            symbol.setSafe(i, symbols[s]);
            ts += random.nextInt(2_000);
            time.setSafe(i, ts);
            price.setSafe(i, Math.round((50 + s + random.nextDouble() * 10) * 100) / 100.0);
            volume.setSafe(i, 1 + random.nextInt(1_000) * (random.nextInt(10) == 0 ? 100L : 1L));
            side.setSafe(i, sides[random.nextInt(2)]);
            if (random.nextInt(50) == 0) {
                venue.setNull(i);
            } else {
                venue.setSafe(i, venues[random.nextInt(venues.length)]);
            }
        }
        root.setRowCount(n);
    }

    /** Reads every column into Arrow vectors and folds a little of each so nothing is optimized away. */
    private static long scanOurs(Path file, BufferAllocator allocator) {
        ParquetFooter footer = ParquetFooter.read(file);
        ParquetReadRequest request = new ParquetReadRequest(footer.arrowSchema().getFields(),
                IntStream.range(0, footer.rowGroups().size()).boxed().toList(), BATCH_ROWS);
        long check = 0;
        try (ParquetReader reader = ParquetReader.open(footer, request, allocator)) {
            for (Batch batch = reader.next(); batch != null; batch = reader.next()) {
                BigIntVector volume = (BigIntVector) batch.column(3);
                VarCharVector symbol = (VarCharVector) batch.column(0);
                int n = batch.rowCount();
                check += volume.get(n - 1) + symbol.getOffsetBuffer().getInt((long) n * 4)
                        + batch.column(5).getNullCount() + n;
            }
        }
        return check;
    }

    private static long scanParquetJava(Path file) throws IOException {
        long check = 0;
        // A local InputFile and a plain configuration: no Hadoop FileSystem (its user lookup fails on JDK 23+).
        try (org.apache.parquet.hadoop.ParquetReader<Group> reader = new org.apache.parquet.hadoop.ParquetReader.Builder<Group>(
                new LocalInputFile(file), new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            for (Group group = reader.read(); group != null; group = reader.read()) {
                check += group.getLong("volume", 0) + group.getBinary("symbol", 0).length()
                        + group.getFieldRepetitionCount("venue") + (long) group.getDouble("price", 0)
                        + group.getBinary("side", 0).length() + (group.getLong("ts", 0) & 1);
            }
        }
        return check == 0 ? -1 : 1;
    }

    private static long scanDuckDb(Path file, int threads) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            try (ResultSet rs = statement.executeQuery("SELECT sum(volume), sum(price), max(ts), sum(length(symbol)), "
                    + "sum(length(side)), count(venue) FROM read_parquet('" + file + "')")) {
                rs.next();
                return rs.getLong(1) + rs.getLong(4) + rs.getLong(5) + rs.getLong(6);
            }
        }
    }
}
