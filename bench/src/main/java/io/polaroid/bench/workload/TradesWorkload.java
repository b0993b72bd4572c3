package io.polaroid.bench.workload;

import io.polaroid.bench.data.GeneratedDirectory;
import io.polaroid.cli.demo.TradesGenerator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trades workload: the demo's equities trades (symbol, ts, price, volume, side, venue) written by the
 * same generator {@code ./polaroid demo} uses, and the questions people ask of such data.
 */
public final class TradesWorkload {
    private static final String TRADES = "trades";

    private TradesWorkload() {
    }

    public static Workload create(long rows) {
        TradesGenerator.Spec spec = TradesGenerator.Spec.of(rows);
        List<LocalDate> days = spec.tradingDays();
        LocalDate first = days.get(0);
        LocalDate second = days.get(Math.min(1, days.size() - 1));
        LocalDate last = days.get(days.size() - 1);
        return new Workload(TRADES, new Data(spec), List.of(
                new BenchQuery("vwap", "Buy-side VWAP, trades and volume per symbol over a time window",
                        "SELECT symbol, COUNT(*) AS trades, SUM(volume) AS volume,\n"
                                + "       SUM(price * volume) / SUM(volume) AS vwap\n"
                                + "FROM trades\n"
                                + "WHERE side = 'B'\n"
                                + "  AND ts >= TIMESTAMP '" + second + " 10:00:00'"
                                + " AND ts < TIMESTAMP '" + last + " 15:00:00'\n"
                                + "GROUP BY symbol\n"
                                + "ORDER BY symbol",
                        List.of(TRADES)),
                new BenchQuery("ohlcv", "1-minute OHLCV bars of every symbol (time_bucket, ARG_MIN/ARG_MAX)",
                        "SELECT symbol, time_bucket(INTERVAL '1' MINUTE, ts) AS bar,\n"
                                + "       ARG_MIN(price, ts) AS \"open\", MAX(price) AS high, MIN(price) AS low,\n"
                                + "       ARG_MAX(price, ts) AS \"close\", SUM(volume) AS volume, COUNT(*) AS trades\n"
                                + "FROM trades\n"
                                + "GROUP BY symbol, time_bucket(INTERVAL '1' MINUTE, ts)\n"
                                + "ORDER BY symbol, bar",
                        List.of(TRADES)),
                new BenchQuery("filter", "Block trades (volume >= 10,000) of one symbol, in time order",
                        "SELECT ts, price, volume, side, venue\n"
                                + "FROM trades\n"
                                + "WHERE symbol = 'NVDA' AND volume >= 10000\n"
                                + "ORDER BY ts",
                        List.of(TRADES)),
                new BenchQuery("rolling", "Rolling 10-trade average price per symbol over one day (window function)",
                        "SELECT symbol, ts, price,\n"
                                + "       AVG(price) OVER (PARTITION BY symbol ORDER BY ts\n"
                                + "                        ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS avg_10\n"
                                + "FROM trades\n"
                                + "WHERE ts >= TIMESTAMP '" + first + " 00:00:00'"
                                + " AND ts < TIMESTAMP '" + second + " 00:00:00'",
                        List.of(TRADES)),
                new BenchQuery("fetch-all", "Every row and column through the ResultSet",
                        "SELECT * FROM trades",
                        List.of(TRADES))));
    }

    /** The trades files, one per trading day, as {@code ./polaroid demo} writes them. */
    private record Data(TradesGenerator.Spec spec) implements WorkloadData {
        @Override
        public List<Dataset> prepare(Path dataDirectory, PrintStream log) {
            Path directory = dataDirectory.resolve("trades-" + spec.rows());
            GeneratedDirectory.ensure(directory, specification(), into -> {
                AtomicLong written = new AtomicLong();
                long step = Math.max(1, spec.rows() / 5);
                new TradesGenerator(spec).write(into, Runtime.getRuntime().availableProcessors(), rows -> {
                    long total = written.addAndGet(rows);
                    if (total / step != (total - rows) / step) {
                        log.printf(Locale.ROOT, "  trades: %,d of %,d rows%n", total, spec.rows());
                    }
                });
            }, log);
            return List.of(new Dataset(TRADES, directory));
        }

        private String specification() {
            return String.format(Locale.ROOT, "trades rows=%d days=%d first=%s seed=%d (TradesGenerator)",
                    spec.rows(), spec.days(), spec.firstDay(), spec.seed());
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT,
                    "`trades`: %,d rows (symbol VARCHAR, ts TIMESTAMP, price DOUBLE, volume BIGINT, side VARCHAR, "
                            + "venue VARCHAR) from the demo's generator (`./polaroid demo`: 80 Zipf-skewed symbols, "
                            + "a random-walk price, seed %d), one Parquet file per trading day (%d days from %s), "
                            + "written by Polaroid's ParquetWriter: Snappy, dictionary encoding, row groups of "
                            + "1,048,576 rows", spec.rows(), spec.seed(), spec.days(), spec.firstDay());
        }
    }
}
