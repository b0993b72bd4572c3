package io.polaroid.engine.measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Parquet files for {@link EngineVsDuckDb}, written once by DuckDB with SQL (its TPC-H extension is not
 * available offline): a trades table (10M rows by default) and TPC-H-like customer, orders and lineitem
 * tables at about scale factor 1 (150k customers, 1.5M orders, ~6M line items) with TPC-H's column types
 * and value ranges, so Q1, Q3 and Q6 select and aggregate realistic fractions of the rows.
 */
final class MeasureData {
    private MeasureData() {
    }

    static Path trades(Path dir, long rows) throws SQLException {
        Path file = dir.resolve("trades-" + rows + ".parquet");
        if (Files.exists(file)) {
            return file;
        }
        duck("COPY (SELECT range AS id,"
                + " 'SYM' || lpad(CAST(hash(range) % 500 AS VARCHAR), 3, '0') AS symbol,"
                + " TIMESTAMP '2024-01-01 00:00:00' + to_microseconds(range * 250000) AS ts,"
                + " round(10 + (hash(range * 7) % 100000) / 100.0, 2)::DOUBLE AS price,"
                + " CAST(1 + hash(range * 13) % 1000 AS INTEGER) AS volume,"
                + " CASE WHEN hash(range * 17) % 2 = 0 THEN 'buy' ELSE 'sell' END AS side,"
                + " ['NYSE', 'NASDAQ', 'ARCA', 'BATS', 'IEX'][CAST(1 + hash(range * 19) % 5 AS BIGINT)] AS venue"
                + " FROM range(" + rows + ")) TO '" + file + "' (FORMAT PARQUET)");
        return file;
    }

    /** Writes {@code customer.parquet}, {@code orders.parquet} and {@code lineitem.parquet} under {@code dir/tpch-<sf>}. */
    static Path tpch(Path dir, double scale) throws SQLException {
        Path tpch = dir.resolve("tpch-" + scale);
        if (Files.exists(tpch.resolve("lineitem.parquet"))) {
            return tpch;
        }
        try {
            Files.createDirectories(tpch);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        long customers = Math.round(150_000 * scale);
        long orders = Math.round(1_500_000 * scale);
        duck("COPY (SELECT range + 1 AS c_custkey, 'Customer#' || lpad(CAST(range + 1 AS VARCHAR), 9, '0') AS c_name,"
                        + " CAST(hash(range * 3) % 25 AS INTEGER) AS c_nationkey,"
                        + " CAST((hash(range * 5) % 1100000) / 100.0 - 999.99 AS DECIMAL(15, 2)) AS c_acctbal,"
                        + " ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'HOUSEHOLD', 'MACHINERY'][CAST(1 + hash(range) % 5 AS BIGINT)]"
                        + " AS c_mktsegment FROM range(" + customers + ")) TO '" + tpch.resolve("customer.parquet")
                        + "' (FORMAT PARQUET)",
                "COPY (SELECT range + 1 AS o_orderkey, CAST(1 + hash(range * 7) % " + customers + " AS BIGINT) AS o_custkey,"
                        + " CASE WHEN hash(range * 23) % 2 = 0 THEN 'O' ELSE 'F' END AS o_orderstatus,"
                        + " CAST((hash(range * 13) % 50000000) / 100.0 AS DECIMAL(15, 2)) AS o_totalprice,"
                        + " DATE '1992-01-01' + CAST(hash(range * 11) % 2405 AS INTEGER) AS o_orderdate,"
                        + " ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'][CAST(1 + hash(range * 17) % 5 AS BIGINT)]"
                        + " AS o_orderpriority, 0 AS o_shippriority,"
                        + " 'order comment ' || CAST(hash(range * 29) % 100000 AS VARCHAR) AS o_comment"
                        + " FROM range(" + orders + ")) TO '" + tpch.resolve("orders.parquet") + "' (FORMAT PARQUET)",
                "COPY (SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount,"
                        + " l_tax, CASE WHEN l_receiptdate <= DATE '1995-06-17'"
                        + " THEN CASE WHEN hash(l_orderkey * 53 + l_linenumber) % 2 = 0 THEN 'R' ELSE 'A' END ELSE 'N' END"
                        + " AS l_returnflag, CASE WHEN l_shipdate > DATE '1995-06-17' THEN 'O' ELSE 'F' END AS l_linestatus,"
                        + " l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment FROM ("
                        + " SELECT o_orderkey AS l_orderkey,"
                        + " CAST(1 + hash(o_orderkey * 31 + n) % 200000 AS BIGINT) AS l_partkey,"
                        + " CAST(1 + hash(o_orderkey * 33 + n) % 10000 AS BIGINT) AS l_suppkey,"
                        + " CAST(n AS INTEGER) AS l_linenumber,"
                        + " CAST(1 + hash(o_orderkey * 37 + n) % 50 AS DECIMAL(15, 2)) AS l_quantity,"
                        + " CAST((90000 + hash(o_orderkey * 41 + n) % 10000000) / 100.0 AS DECIMAL(15, 2))"
                        + " AS l_extendedprice,"
                        + " CAST((hash(o_orderkey * 43 + n) % 11) / 100.0 AS DECIMAL(15, 2)) AS l_discount,"
                        + " CAST((hash(o_orderkey * 47 + n) % 9) / 100.0 AS DECIMAL(15, 2)) AS l_tax,"
                        + " o_orderdate + CAST(1 + hash(o_orderkey * 59 + n) % 121 AS INTEGER) AS l_shipdate,"
                        + " o_orderdate + CAST(30 + hash(o_orderkey * 61 + n) % 61 AS INTEGER) AS l_commitdate,"
                        + " o_orderdate + CAST(1 + hash(o_orderkey * 59 + n) % 121 + 1 + hash(o_orderkey * 67 + n) % 30"
                        + " AS INTEGER) AS l_receiptdate,"
                        + " ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'][CAST(1 + hash(o_orderkey * 71 + n) % 4 AS BIGINT)]"
                        + " AS l_shipinstruct,"
                        + " ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'][CAST(1 + hash(o_orderkey * 73 + n) % 7 AS BIGINT)]"
                        + " AS l_shipmode,"
                        + " 'line comment ' || CAST(hash(o_orderkey * 79 + n) % 1000000 AS VARCHAR) AS l_comment"
                        + " FROM read_parquet('" + tpch.resolve("orders.parquet") + "'), range(1, 8) AS t(n)"
                        + " WHERE n <= 1 + hash(o_orderkey) % 7 ORDER BY o_orderkey, n))"
                        + " TO '" + tpch.resolve("lineitem.parquet") + "' (FORMAT PARQUET)");
        return tpch;
    }

    private static void duck(String... statements) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (String sql : statements) {
                System.out.println("generating: " + sql.substring(0, Math.min(80, sql.length())) + "...");
                st.execute(sql);
            }
        }
    }
}
