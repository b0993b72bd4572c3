package io.polaroid.cli.demo;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ParquetWriter;
import io.polaroid.parquet.ParquetWriterOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Generates a synthetic equities trades dataset as Parquet, one file per trading day
 * ({@code trades-2024-03-04.parquet}, ...):
 *
 * <ul>
 *   <li>{@code symbol} VARCHAR: one of 80 tickers, Zipf-skewed activity;</li>
 *   <li>{@code ts} TIMESTAMP (microseconds, no time zone): 09:30 to 16:00, increasing within a file;</li>
 *   <li>{@code price} DOUBLE: a geometric random walk per symbol within the day, in cents, from an opening
 *       price that itself walks from day to day; a day's volatility does not depend on how many rows are
 *       generated;</li>
 *   <li>{@code volume} BIGINT: round lots, odd lots and the occasional block;</li>
 *   <li>{@code side} VARCHAR: {@code B} or {@code S}, leaning with the last price move;</li>
 *   <li>{@code venue} VARCHAR: one of seven exchange codes.</li>
 * </ul>
 *
 * The output depends only on the {@link Spec}: the same spec writes the same rows, however many threads
 * write them (each day draws from its own seeded generator).
 */
public final class TradesGenerator {
    public static final Schema SCHEMA = new Schema(List.of(
            Field.notNullable("symbol", ArrowType.Utf8.INSTANCE),
            new Field("ts", FieldType.notNullable(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), null),
            Field.notNullable("price", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            Field.notNullable("volume", new ArrowType.Int(64, true)),
            Field.notNullable("side", ArrowType.Utf8.INSTANCE),
            Field.notNullable("venue", ArrowType.Utf8.INSTANCE)));

    static final int BATCH_ROWS = 65_536;
    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final long SESSION_MICROS = 6L * 3600 * 1_000_000 + 30L * 60 * 1_000_000; // 09:30-16:00
    private static final double OVERNIGHT_GAP_VOLATILITY = 0.01;
    private static final String[] VENUES = {"XNAS", "XNYS", "ARCX", "BATS", "EDGX", "IEXG", "MEMX"};
    private static final double[] VENUE_CUMULATIVE_SHARE = {0.30, 0.55, 0.67, 0.79, 0.88, 0.94, 1.0};
    private static final byte[][] VENUE_BYTES = utf8(List.of(VENUES));
    private static final byte[] BUY = {'B'};
    private static final byte[] SELL = {'S'};

    /**
     * What to generate.
     *
     * @param rows     rows in all, spread evenly over the days
     * @param days     trading days (weekdays from {@code firstDay}), one file each
     * @param firstDay the first trading day (moved to the next weekday if it is a weekend)
     * @param seed     the seed every random choice derives from
     */
    public record Spec(long rows, int days, LocalDate firstDay, long seed) {
        public static final long DEFAULT_SEED = 20240304L;
        public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2024, 3, 4);
        public static final int DEFAULT_DAYS = 5;

        public Spec {
            Objects.requireNonNull(firstDay, "firstDay");
            if (rows < 1) {
                throw new IllegalArgumentException("rows must be positive: " + rows);
            }
            if (days < 1) {
                throw new IllegalArgumentException("days must be positive: " + days);
            }
        }

        /** {@code rows} over the default week (five days from Monday 2024-03-04) with the default seed. */
        public static Spec of(long rows) {
            return new Spec(rows, (int) Math.min(DEFAULT_DAYS, rows), DEFAULT_FIRST_DAY, DEFAULT_SEED);
        }

        /** The trading days, weekends skipped. */
        public List<LocalDate> tradingDays() {
            List<LocalDate> result = new ArrayList<>(days);
            LocalDate day = firstDay;
            while (result.size() < days) {
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    result.add(day);
                }
                day = day.plusDays(1);
            }
            return result;
        }

        long rowsOnDay(int dayIndex) {
            return rows / days + (dayIndex < rows % days ? 1 : 0);
        }

        /** {@code trades-2024-03-04.parquet}. */
        public String fileName(LocalDate day) {
            return "trades-" + day + ".parquet";
        }
    }

    private final Spec spec;
    private final Tickers tickers;
    private final byte[][] symbolBytes;
    /** Opening price per day and symbol: the overnight walk is drawn up front so days are independent. */
    private final double[][] openingPrices;

    public TradesGenerator(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.tickers = new Tickers(spec.seed());
        this.symbolBytes = utf8(Tickers.SYMBOLS);
        this.openingPrices = openingPrices(spec, tickers);
    }

    public Spec spec() {
        return spec;
    }

    /**
     * Writes every day's file into {@code directory} (which must exist), on up to {@code threads} threads.
     *
     * @param rowsWritten told the number of rows of each batch written, from the writing threads
     * @return the files written, in day order
     * @throws PolaroidException when a file cannot be written (files already written stay)
     */
    public List<Path> write(Path directory, int threads, LongConsumer rowsWritten) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(rowsWritten, "rowsWritten");
        List<LocalDate> days = spec.tradingDays();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, days.size())), task -> {
            Thread thread = new Thread(task, "polaroid-demo-writer");
            thread.setDaemon(true);
            return thread;
        });
        BufferAllocator allocator = new RootAllocator();
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (int d = 0; d < days.size(); d++) {
                int dayIndex = d;
                Path file = directory.resolve(spec.fileName(days.get(d)));
                files.add(pool.submit(() -> writeDay(dayIndex, file, allocator, rowsWritten)));
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> file : files) {
                written.add(await(file));
            }
            return written;
        } finally {
            // after a failure the other days stop at their next batch; their memory is back before the close
            pool.shutdownNow();
            awaitTermination(pool);
            allocator.close();
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path await(Future<Path> file) {
        try {
            return file.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PolaroidException(ErrorCode.QUERY_CANCELED, "demo data generation was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "demo data generation failed: " + cause, cause);
        }
    }

    private Path writeDay(int dayIndex, Path file, BufferAllocator parent, LongConsumer rowsWritten) {
        long rows = spec.rowsOnDay(dayIndex);
        SplittableRandom random = new SplittableRandom(spec.seed() * 1_000_003L + dayIndex + 1);
        DayState state = new DayState(dayIndex, rows);
        try (BufferAllocator allocator = parent.newChildAllocator(file.getFileName().toString(), 0, Long.MAX_VALUE);
             VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
             ParquetWriter writer = ParquetWriter.create(file, SCHEMA, ParquetWriterOptions.defaults())) {
            for (long first = 0; first < rows; first += BATCH_ROWS) {
                int batchRows = (int) Math.min(BATCH_ROWS, rows - first);
                fill(root, first, batchRows, state, random);
                writer.write(new Batch(root.getFieldVectors(), batchRows));
                rowsWritten.accept(batchRows);
                if (Thread.currentThread().isInterrupted()) {
                    throw new PolaroidException(ErrorCode.QUERY_CANCELED, "demo data generation was interrupted");
                }
            }
        }
        return file;
    }

    /** The per-day walk: each symbol's current price and per-trade volatility. */
    private final class DayState {
        final long openMicros;
        final long rows;
        final double[] price;
        final double[] lastCents;
        final double[] tradeVolatility;

        DayState(int dayIndex, long rows) {
            LocalDate day = spec.tradingDays().get(dayIndex);
            this.openMicros = day.atTime(OPEN).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
            this.rows = rows;
            this.price = openingPrices[dayIndex].clone();
            this.lastCents = new double[price.length];
            this.tradeVolatility = new double[price.length];
            for (int s = 0; s < price.length; s++) {
                lastCents[s] = Math.round(price[s] * 100) / 100.0;
                // a day's volatility is the same whatever the number of trades: spread it over the expected count
                double expectedTrades = Math.max(1, rows * tickers.share(s));
                tradeVolatility[s] = tickers.dailyVolatility(s) / Math.sqrt(expectedTrades);
            }
        }
    }

    private void fill(VectorSchemaRoot root, long firstRow, int rows, DayState day, SplittableRandom random) {
        VarCharVector symbol = (VarCharVector) root.getVector(0);
        TimeStampMicroVector ts = (TimeStampMicroVector) root.getVector(1);
        Float8Vector price = (Float8Vector) root.getVector(2);
        BigIntVector volume = (BigIntVector) root.getVector(3);
        VarCharVector side = (VarCharVector) root.getVector(4);
        VarCharVector venue = (VarCharVector) root.getVector(5);
        symbol.allocateNew(rows * 5L, rows);
        ts.allocateNew(rows);
        price.allocateNew(rows);
        volume.allocateNew(rows);
        side.allocateNew(rows, rows);
        venue.allocateNew(rows * 4L, rows);
        double microsPerRow = (double) SESSION_MICROS / day.rows;
        for (int i = 0; i < rows; i++) {
            long row = firstRow + i;
            int s = tickers.pick(random.nextDouble());
            day.price[s] *= Math.exp(day.tradeVolatility[s] * random.nextGaussian());
            double cents = Math.round(day.price[s] * 100) / 100.0;
            double previous = day.lastCents[s];
            day.lastCents[s] = cents;
            boolean buy = cents > previous ? random.nextDouble() < 0.7
                    : cents < previous ? random.nextDouble() < 0.3 : random.nextBoolean();

            symbol.setSafe(i, symbolBytes[s]);
            // increasing within the day: row r falls somewhere in its own slice [r, r+1) of the session
            ts.set(i, day.openMicros + (long) ((row + random.nextDouble()) * microsPerRow));
            price.set(i, cents);
            volume.set(i, volume(random));
            side.setSafe(i, buy ? BUY : SELL);
            venue.setSafe(i, VENUE_BYTES[venue(random.nextDouble())]);
        }
        root.setRowCount(rows);
    }

    /** Mostly round lots of 100-4900 shares, 30% odd lots, 0.2% blocks of 10,000-99,900. */
    private static long volume(SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.002) {
            return 100L * (100 + random.nextInt(900));
        }
        if (kind < 0.302) {
            return 1 + random.nextInt(99);
        }
        return 100L * (long) Math.exp(random.nextDouble() * Math.log(50));
    }

    private static int venue(double u) {
        int v = 0;
        while (VENUE_CUMULATIVE_SHARE[v] <= u) {
            v++;
        }
        return v;
    }

    private static double[][] openingPrices(Spec spec, Tickers tickers) {
        double[][] prices = new double[spec.days()][tickers.count()];
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (int s = 0; s < tickers.count(); s++) {
            prices[0][s] = tickers.startPrice(s);
        }
        for (int d = 1; d < spec.days(); d++) {
            for (int s = 0; s < tickers.count(); s++) {
                // the close is not known before the day is generated: a gap on the previous open stands in for it
                double move = (tickers.dailyVolatility(s) + OVERNIGHT_GAP_VOLATILITY) * random.nextGaussian();
                prices[d][s] = prices[d - 1][s] * Math.exp(move);
            }
        }
        return prices;
    }

    private static byte[][] utf8(List<String> values) {
        byte[][] bytes = new byte[values.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
