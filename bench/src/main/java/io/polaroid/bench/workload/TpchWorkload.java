package io.polaroid.bench.workload;

import io.polaroid.bench.data.GeneratedDirectory;
import io.polaroid.bench.data.TpchParquet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TPC-H Q1, Q3 and Q6 in the spec's text with its validation parameters, and a point lookup of one order by
 * key, over dbgen's data (see {@link TpchParquet}).
 */
public final class TpchWorkload {
    private static final List<String> TABLES = List.of("customer", "orders", "lineitem");

    private TpchWorkload() {
    }

    public static Workload create(double scaleFactor) {
        long orderKey = orderKeyAtTwoThirds(scaleFactor);
        return new Workload("tpch", new Data(scaleFactor), List.of(
                new BenchQuery("q1", "TPC-H Q1: pricing summary report (DELTA = 90)",
                        "SELECT l_returnflag, l_linestatus,\n"
                                + "       SUM(l_quantity) AS sum_qty,\n"
                                + "       SUM(l_extendedprice) AS sum_base_price,\n"
                                + "       SUM(l_extendedprice * (1 - l_discount)) AS sum_disc_price,\n"
                                + "       SUM(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,\n"
                                + "       AVG(l_quantity) AS avg_qty,\n"
                                + "       AVG(l_extendedprice) AS avg_price,\n"
                                + "       AVG(l_discount) AS avg_disc,\n"
                                + "       COUNT(*) AS count_order\n"
                                + "FROM lineitem\n"
                                + "WHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY\n"
                                + "GROUP BY l_returnflag, l_linestatus\n"
                                + "ORDER BY l_returnflag, l_linestatus",
                        List.of("lineitem")),
                new BenchQuery("q3", "TPC-H Q3: shipping priority (SEGMENT = BUILDING, DATE = 1995-03-15)",
                        "SELECT l_orderkey,\n"
                                + "       SUM(l_extendedprice * (1 - l_discount)) AS revenue,\n"
                                + "       o_orderdate, o_shippriority\n"
                                + "FROM customer, orders, lineitem\n"
                                + "WHERE c_mktsegment = 'BUILDING'\n"
                                + "  AND c_custkey = o_custkey\n"
                                + "  AND l_orderkey = o_orderkey\n"
                                + "  AND o_orderdate < DATE '1995-03-15'\n"
                                + "  AND l_shipdate > DATE '1995-03-15'\n"
                                + "GROUP BY l_orderkey, o_orderdate, o_shippriority\n"
                                + "ORDER BY revenue DESC, o_orderdate\n"
                                + "LIMIT 10",
                        List.of("customer", "orders", "lineitem")),
                new BenchQuery("q6", "TPC-H Q6: forecasting revenue change (DATE = 1994-01-01, DISCOUNT = 0.06, "
                        + "QUANTITY = 24)",
                        "SELECT SUM(l_extendedprice * l_discount) AS revenue\n"
                                + "FROM lineitem\n"
                                + "WHERE l_shipdate >= DATE '1994-01-01'\n"
                                + "  AND l_shipdate < DATE '1994-01-01' + INTERVAL '1' YEAR\n"
                                + "  AND l_discount BETWEEN 0.06 - 0.01 AND 0.06 + 0.01\n"
                                + "  AND l_quantity < 24",
                        List.of("lineitem")),
                new BenchQuery("lookup", "Point lookup: one order by key (orders are sorted by key, so row-group "
                        + "statistics can skip all but one row group)",
                        "SELECT * FROM orders WHERE o_orderkey = " + orderKey,
                        List.of("orders"))));
    }

    /**
     * An order key that exists, two thirds into the table. dbgen's keys are sparse: the i-th order (from 1)
     * has key {@code (i / 8) * 32 + i % 8}, so only the first 8 of every 32 values are used.
     */
    static long orderKeyAtTwoThirds(double scaleFactor) {
        long index = Math.max(1, Math.round(1_500_000 * scaleFactor * 2 / 3));
        return (index >> 3 << 5) | (index & 7);
    }

    /** customer, orders and lineitem, one directory each. */
    private record Data(double scaleFactor) implements WorkloadData {
        @Override
        public List<Dataset> prepare(Path dataDirectory, PrintStream log) {
            TpchParquet tpch = new TpchParquet(scaleFactor);
            Path directory = dataDirectory.resolve("tpch-sf" + scale());
            int threads = Runtime.getRuntime().availableProcessors();
            GeneratedDirectory.ensure(directory, specification(), into -> {
                for (String table : TABLES) {
                    log.printf(Locale.ROOT, "  %s (%d file(s)) ...%n", table, tpch.files(table));
                    tpch.write(table, into.resolve(table), threads);
                }
            }, log);
            List<Dataset> datasets = new ArrayList<>();
            for (String table : TABLES) {
                datasets.add(new Dataset(table, directory.resolve(table)));
            }
            return datasets;
        }

        private String scale() {
            return scaleFactor == Math.rint(scaleFactor) ? String.valueOf((long) scaleFactor)
                    : String.valueOf(scaleFactor);
        }

        private String specification() {
            return "tpch sf=" + scale() + " tables=" + TABLES + " generator=io.trino.tpch (dbgen) rowGroup="
                    + TpchParquet.ROW_GROUP_ROWS + " codec=snappy";
        }

        @Override
        public String description() {
            return String.format(Locale.ROOT,
                    "TPC-H at scale factor %s: `customer`, `orders`, `lineitem` with dbgen's rows (the "
                            + "`io.trino.tpch` Java port of dbgen; DuckDB's `tpch` extension cannot be downloaded "
                            + "here), the spec's types (keys BIGINT, money/quantity/discount/tax DECIMAL(15,2), "
                            + "dates DATE, text VARCHAR), written by Polaroid's ParquetWriter: Snappy, dictionary "
                            + "encoding, row groups of %,d rows (DuckDB's default), files of about %,d rows",
                    scale(), TpchParquet.ROW_GROUP_ROWS, TpchParquet.FILE_ROWS);
        }
    }
}
