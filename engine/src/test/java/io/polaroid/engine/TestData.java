package io.polaroid.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Parquet files for tests, written by DuckDB (an independent writer) from deterministic generators. */
final class TestData {
    private TestData() {
    }

    /**
     * {@code trades.parquet}: id, symbol, ts (naive, millisecond precision), ts_utc (zoned), price (double),
     * qty (int), amount (decimal(12,2)), side (with NULLs), day (date), flag (boolean); and
     * {@code symbols.parquet}: symbol, sector, weight. Row groups of 1000 rows so pruning has work to do.
     */
    static void writeTrades(Path dir, int rows) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (SELECT range AS id,"
                    + " ['AAPL', 'MSFT', 'GOOG', 'TSLA', 'NVDA', 'amzn'][(range % 6) + 1] AS symbol,"
                    + " TIMESTAMP '2024-01-01 00:00:00' + to_milliseconds(range * 7919) AS ts,"
                    + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_milliseconds(range * 104729) AS ts_utc,"
                    + " round(100 + (range % 997) * 0.37 + (range % 13) * 0.011, 3)::DOUBLE AS price,"
                    + " CAST((range * 37) % 500 AS INTEGER) AS qty,"
                    + " CAST(((range * 7) % 100000) / 100.0 AS DECIMAL(12,2)) AS amount,"
                    + " CASE WHEN range % 7 = 0 THEN NULL WHEN range % 2 = 0 THEN 'buy' ELSE 'sell' END AS side,"
                    + " DATE '2023-12-25' + CAST(range % 40 AS INTEGER) AS day,"
                    + " range % 3 = 0 AS flag"
                    + " FROM range(" + rows + ")) TO '" + dir.resolve("trades.parquet")
                    + "' (FORMAT PARQUET, ROW_GROUP_SIZE 1000)");
            st.execute("COPY (SELECT * FROM (VALUES ('AAPL', 'tech', 1.5), ('MSFT', 'tech', 2.0),"
                    + " ('GOOG', 'ads', 0.5), ('TSLA', 'auto', NULL), ('XOM', 'energy', 3.0))"
                    + " AS s(symbol, sector, weight)) TO '" + dir.resolve("symbols.parquet") + "' (FORMAT PARQUET)");
        }
    }
}
