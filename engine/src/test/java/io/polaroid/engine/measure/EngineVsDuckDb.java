package io.polaroid.engine.measure;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;

/**
 * Runs the benchmark's queries through {@link SqlSession} and through DuckDB's JDBC driver on the same
 * Parquet files, in one process, warmed up, and prints the time of each and their ratio. Each query runs
 * twice per engine: over datasets held in memory (Polaroid {@code cache = 'memory'}, DuckDB tables) and
 * over the files (Polaroid {@code cache = 'none'}, DuckDB views over {@code read_parquet}). Not a test:
 * speed is measured here, never asserted.
 *
 * <pre>
 * mvn -o -q -Dpolaroid.build.dir=target-x -pl engine -am test-compile
 * mvn -o -q -Dpolaroid.build.dir=target-x -pl engine dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx8g \
 *      -cp engine/target-x/test-classes:engine/target-x/classes:catalog/target-x/classes:$(cat cp.txt) \
 *      io.polaroid.engine.measure.EngineVsDuckDb [data-dir] [trades-rows] [tpch-scale] [query-filter]
 * java ... io.polaroid.engine.measure.EngineVsDuckDb first [data-dir]   # latency of a fresh process's first query
 * </pre>
 * With {@code -Dmeasure.skipDuckDb=true} or {@code -Dmeasure.skipPolaroid=true} only one engine runs: DuckDB's
 * in-process work (its threads, its memory, the garbage its JDBC results leave) slows the JVM's next queries
 * measurably, so the fairest table comes from one process per engine.
 */
public final class EngineVsDuckDb {
    private static final int WARMUPS = 2;
    private static final int RUNS = 5;

    /** How a query's rows are consumed: all values read (a client fetching), or only counted. */
    enum Consume { COUNT, READ_ALL }

    record Query(String name, String polaroid, String duckdb, Consume consume) {
        static Query same(String name, String sql) {
            return new Query(name, sql, sql, Consume.COUNT);
        }
    }

    private EngineVsDuckDb() {
    }

    static List<Query> queries() {
        String q1 = "SELECT l_returnflag, l_linestatus, SUM(l_quantity) AS sum_qty, SUM(l_extendedprice) AS sum_base_price,"
                + " SUM(l_extendedprice * (1 - l_discount)) AS sum_disc_price,"
                + " SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge, AVG(l_quantity) AS avg_qty,"
                + " AVG(l_extendedprice) AS avg_price, AVG(l_discount) AS avg_disc, COUNT(*) AS count_order"
                + " FROM lineitem WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY"
                + " GROUP BY l_returnflag, l_linestatus ORDER BY l_returnflag, l_linestatus";
        String q3 = "SELECT l_orderkey, SUM(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority"
                + " FROM customer, orders, lineitem WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey"
                + " AND l_orderkey = o_orderkey AND o_orderdate < DATE '1995-03-15' AND l_shipdate > DATE '1995-03-15'"
                + " GROUP BY l_orderkey, o_orderdate, o_shippriority ORDER BY revenue DESC, o_orderdate LIMIT 10";
        String q6 = "SELECT SUM(l_extendedprice * l_discount) AS revenue FROM lineitem"
                + " WHERE l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE '1995-01-01'"
                + " AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24";
        return List.of(
                Query.same("trades: filter + group by + aggregates",
                        "SELECT symbol, COUNT(*), SUM(volume), AVG(price), MIN(price), MAX(price) FROM trades"
                                + " WHERE side = 'buy' AND price > 500 GROUP BY symbol ORDER BY symbol"),
                Query.same("trades: OHLCV 1h bars",
                        "SELECT symbol, time_bucket(INTERVAL '1' HOUR, ts) AS bar, MIN(price), MAX(price), SUM(volume),"
                                + " COUNT(*) FROM trades GROUP BY 1, 2"),
                Query.same("tpch q1", q1),
                Query.same("tpch q3", q3),
                Query.same("tpch q6", q6),
                Query.same("point lookup", "SELECT * FROM trades WHERE id = 7777777"),
                new Query("fetch 10M rows", "SELECT * FROM trades", "SELECT * FROM trades", Consume.READ_ALL),
                // diagnostic: what reading the columns alone costs (the floor of the file-mode trades query)
                Query.same("scan only: trades 4 columns",
                        "SELECT COUNT(symbol), MAX(price), MAX(volume), COUNT(side) FROM trades"),
                Query.same("scan only: lineitem 4 columns",
                        "SELECT MAX(l_orderkey), MAX(l_extendedprice), MAX(l_discount), MAX(l_shipdate) FROM lineitem"),
                Query.same("rolling avg (window)",
                        "SELECT symbol, ts, AVG(price) OVER (PARTITION BY symbol ORDER BY ts ROWS BETWEEN 9 PRECEDING"
                                + " AND CURRENT ROW) FROM trades WHERE ts < TIMESTAMP '2024-01-03 00:00:00'"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("first")) {
            firstQuery(Path.of(args.length > 1 ? args[1] : "/tmp/polaroid-measure"));
            return;
        }
        if (args.length > 0 && args[0].equals("profile")) {
            profile(Path.of(args[1]), args[2], args[3], Integer.parseInt(args[4]));
            return;
        }
        if (args.length > 0 && args[0].equals("explain")) {
            explain(Path.of(args[1]), args.length > 2 ? args[2] : "");
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/polaroid-measure");
        long tradeRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        String filter = args.length > 3 ? args[3] : "";
        java.nio.file.Files.createDirectories(dir);
        Path trades = MeasureData.trades(dir, tradeRows);
        Path tpch = MeasureData.tpch(dir, scale);

        try (Engine engine = Engine.open(EngineConfig.builder().build());
             SqlSession session = engine.openSession();
             Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long loadStart = System.nanoTime();
            for (String mode : List.of("mem", "file")) {
                String cache = mode.equals("mem") ? "memory" : "none";
                update(session, "CREATE SCHEMA " + mode);
                update(session, "CREATE DATASET " + mode + ".trades FROM '" + trades + "' WITH (cache = '" + cache + "')");
                for (String table : List.of("customer", "orders", "lineitem")) {
                    update(session, "CREATE DATASET " + mode + "." + table + " FROM '" + tpch.resolve(table + ".parquet")
                            + "' WITH (cache = '" + cache + "')");
                }
            }
            System.out.printf(Locale.ROOT, "polaroid: datasets registered and loaded in %.1f s%n",
                    (System.nanoTime() - loadStart) / 1e9);
            try (Statement st = duck.createStatement()) {
                st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
                st.execute("SET TimeZone = 'UTC'");
                for (String mode : List.of("mem", "file")) {
                    st.execute("CREATE SCHEMA " + mode);
                    String kind = mode.equals("mem") ? "TABLE" : "VIEW";
                    st.execute("CREATE " + kind + " " + mode + ".trades AS SELECT * FROM read_parquet('" + trades + "')");
                    for (String table : List.of("customer", "orders", "lineitem")) {
                        st.execute("CREATE " + kind + " " + mode + "." + table + " AS SELECT * FROM read_parquet('"
                                + tpch.resolve(table + ".parquet") + "')");
                    }
                }
            }

            List<String[]> table = new ArrayList<>();
            for (Query query : queries()) {
                if (java.util.Arrays.stream(filter.split("\\|")).noneMatch(query.name()::contains)) {
                    continue; // the filter: name fragments separated by |
                }
                for (String mode : List.of("mem", "file")) {
                    session.setCurrentSchema(mode);
                    try (Statement st = duck.createStatement()) {
                        st.execute("USE " + mode);
                    }
                    double polaroid = Boolean.getBoolean("measure.skipPolaroid") ? Double.NaN
                            : median(() -> runPolaroid(session, query));
                    double duckdb = Boolean.getBoolean("measure.skipDuckDb") ? Double.NaN
                            : median(() -> runDuckDb(duck, query));
                    String[] row = {query.name(), mode.equals("mem") ? "memory" : "files",
                            String.format(Locale.ROOT, "%.1f", polaroid), String.format(Locale.ROOT, "%.1f", duckdb),
                            String.format(Locale.ROOT, "%.2f", polaroid / duckdb)};
                    table.add(row);
                    System.out.println(String.join(" | ", row));
                }
            }
            session.setCurrentSchema("mem");
            planning(session, table);
            printTable(table);
            for (String mode : List.of("mem", "file")) {
                for (String dataset : List.of("trades", "customer", "orders", "lineitem")) {
                    update(session, "DROP DATASET " + mode + "." + dataset);
                }
            }
        }
    }

    /** Planning a fresh statement, and re-executing a cached prepared one. */
    private static void planning(SqlSession session, List<String[]> table) throws Exception {
        String q3 = queries().stream().filter(q -> q.name().equals("tpch q3")).findFirst().orElseThrow().polaroid();
        int[] counter = {0};
        double plan = median(() -> {
            // a different text each time: a plan-cache miss, so the whole parse/validate/optimize runs
            try (PreparedQuery prepared = session.prepare(q3 + " -- " + counter[0]++)) {
                return prepared.resultSchema().getFields().size();
            }
        });
        table.add(new String[] {"plan tpch q3 (fresh)", "-", String.format(Locale.ROOT, "%.2f", plan), "-", "-"});
        try (PreparedQuery lookup = session.prepare("SELECT price, volume FROM trades WHERE id = ?")) {
            long[] id = {0};
            for (int i = 0; i < 2000; i++) {
                runPrepared(session, lookup, id[0]++);
            }
            int executions = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < executions; i++) {
                runPrepared(session, lookup, (id[0]++ * 7919) % 10_000_000);
            }
            double micros = (System.nanoTime() - start) / 1e3 / executions;
            table.add(new String[] {"cached prepared point lookup", "memory",
                    String.format(Locale.ROOT, "%.0f us", micros), "-", "-"});
        }
    }

    private static long runPrepared(SqlSession session, PreparedQuery query, long id) {
        try (QueryResult result = session.execute(query, List.of(id), ExecutionOptions.defaults())) {
            long rows = 0;
            for (Batch batch = result.next(); batch != null; batch = result.next()) {
                rows += batch.rowCount();
            }
            return rows;
        }
    }

    /** Runs one query through Polaroid for {@code seconds} (for a profiler to watch). */
    private static void profile(Path dir, String name, String mode, int seconds) throws Exception {
        Path trades = MeasureData.trades(dir, 10_000_000L);
        Path tpch = MeasureData.tpch(dir, 1.0);
        String cache = mode.equals("mem") ? "memory" : "none";
        try (Engine engine = Engine.open(EngineConfig.builder().build()); SqlSession session = engine.openSession()) {
            update(session, "CREATE DATASET trades FROM '" + trades + "' WITH (cache = '" + cache + "')");
            for (String table : List.of("customer", "orders", "lineitem")) {
                update(session, "CREATE DATASET " + table + " FROM '" + tpch.resolve(table + ".parquet")
                        + "' WITH (cache = '" + cache + "')");
            }
            Query query = queries().stream().filter(q -> q.name().contains(name)).findFirst().orElseThrow();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            if (mode.equals("plan")) {
                int plans = 0;
                long begin = System.nanoTime();
                while (System.nanoTime() < end) {
                    try (PreparedQuery prepared = session.prepare(query.polaroid() + " -- " + plans++)) {
                        prepared.resultSchema();
                    }
                }
                System.out.printf(Locale.ROOT, "%s planned %d times, %.2f ms each%n", query.name(), plans,
                        (System.nanoTime() - begin) / 1e6 / plans);
                return;
            }
            int runs = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                runPolaroid(session, query);
                runs++;
            }
            System.out.printf(Locale.ROOT, "%s (%s): %d runs, %.1f ms each%n", query.name(), mode, runs,
                    (System.nanoTime() - start) / 1e6 / runs);
            for (String dataset : List.of("trades", "customer", "orders", "lineitem")) {
                update(session, "DROP DATASET " + dataset);
            }
        }
    }

    /** Prints Polaroid's plan of each query (over the files). */
    private static void explain(Path dir, String filter) throws Exception {
        Path trades = MeasureData.trades(dir, 10_000_000L);
        Path tpch = MeasureData.tpch(dir, 1.0);
        try (Engine engine = Engine.open(EngineConfig.builder().build()); SqlSession session = engine.openSession()) {
            update(session, "CREATE DATASET trades FROM '" + trades + "'");
            for (String table : List.of("customer", "orders", "lineitem")) {
                update(session, "CREATE DATASET " + table + " FROM '" + tpch.resolve(table + ".parquet") + "'");
            }
            for (Query query : queries()) {
                if (query.name().contains(filter)) {
                    System.out.println("== " + query.name());
                    try (QueryResult result = session.execute("EXPLAIN PLAN FOR " + query.polaroid(),
                            ExecutionOptions.defaults())) {
                        for (Batch batch = result.next(); batch != null; batch = result.next()) {
                            for (int r = 0; r < batch.rowCount(); r++) {
                                System.out.println(batch.column(0).getObject(r));
                            }
                        }
                    }
                }
            }
        }
    }

    /** A fresh process: open an engine, register a dataset, run a query; prints the time to its result. */
    private static void firstQuery(Path dir) throws Exception {
        long start = System.nanoTime();
        Path trades = MeasureData.trades(dir, 10_000_000L);
        try (Engine engine = Engine.open(EngineConfig.builder().build()); SqlSession session = engine.openSession()) {
            Thread.sleep(Long.getLong("measure.pause", 0));
            long opened = System.nanoTime();
            update(session, "CREATE DATASET trades FROM '" + trades + "'");
            long created = System.nanoTime();
            long rows;
            long prepared;
            String sql = "SELECT COUNT(*), MAX(price) FROM trades WHERE symbol = 'SYM042'";
            try (PreparedQuery query = session.prepare(sql)) {
                prepared = System.nanoTime();
                try (QueryResult result = session.execute(query, List.of(), ExecutionOptions.defaults())) {
                    rows = result.next().rowCount();
                }
            }
            long queried = System.nanoTime();
            long again = System.nanoTime();
            try (QueryResult result = session.execute(sql.replace("042", "043"), ExecutionOptions.defaults())) {
                result.next();
            }
            long second = System.nanoTime();
            System.out.printf(Locale.ROOT, "first query: engine open %.0f ms, CREATE DATASET %.0f ms, first SELECT planned"
                            + " in %.0f ms and run in %.0f ms (%d row), total %.0f ms; the same query again: %.0f ms%n",
                    (opened - start) / 1e6, (created - opened) / 1e6, (prepared - created) / 1e6,
                    (queried - prepared) / 1e6, rows, (queried - start) / 1e6, (second - again) / 1e6);
            update(session, "DROP DATASET trades");
        }
    }

    private static long runPolaroid(SqlSession session, Query query) {
        try (QueryResult result = session.execute(query.polaroid(), ExecutionOptions.defaults())) {
            long rows = 0;
            long checksum = 0;
            for (Batch batch = result.next(); batch != null; batch = result.next()) {
                rows += batch.rowCount();
                if (query.consume() == Consume.READ_ALL) {
                    for (FieldVector column : batch.columns()) {
                        for (int r = 0; r < batch.rowCount(); r++) {
                            Object value = column.getObject(r);
                            checksum += value == null ? 0 : 1;
                        }
                    }
                }
            }
            return rows + checksum;
        }
    }

    private static long runDuckDb(Connection duck, Query query) {
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(query.duckdb())) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            long rows = 0;
            long checksum = 0;
            while (rs.next()) {
                rows++;
                if (query.consume() == Consume.READ_ALL) {
                    for (int c = 1; c <= columns; c++) {
                        checksum += rs.getObject(c) == null ? 0 : 1;
                    }
                }
            }
            return rows + checksum;
        } catch (SQLException e) {
            throw new IllegalStateException(query.name() + " in DuckDB: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Run {
        long run() throws Exception;
    }

    /**
     * Median milliseconds of at least {@link #RUNS} runs after at least {@link #WARMUPS} unmeasured ones;
     * short queries run (and warm up) for about a second each way, so that their JIT-compiled steady state
     * is what is measured, for both engines alike.
     */
    private static double median(Run run) throws Exception {
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < WARMUPS || System.nanoTime() < warmUntil; i++) {
            run.run();
        }
        List<Double> millis = new ArrayList<>();
        long measureUntil = System.nanoTime() + 1_000_000_000L;
        while (millis.size() < RUNS || System.nanoTime() < measureUntil && millis.size() < 1000) {
            long start = System.nanoTime();
            run.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        java.util.Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    private static void update(SqlSession session, String sql) {
        session.execute(sql, ExecutionOptions.defaults()).close();
    }

    private static void printTable(List<String[]> rows) {
        System.out.println();
        System.out.println("| query | data | Polaroid ms | DuckDB ms | ratio |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }
}
