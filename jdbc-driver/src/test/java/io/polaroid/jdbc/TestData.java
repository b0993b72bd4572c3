package io.polaroid.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Parquet files for the driver tests, written once per JVM by DuckDB (an independent writer, and the
 * oracle of the differential tests).
 *
 * <ul>
 *   <li>{@code types.parquet}: one row of values of every type the system maps, one row of NULLs;</li>
 *   <li>{@code trades.parquet}: 10,000 trades (symbol, timestamp, price, volume, side, venue) with some
 *       NULL prices;</li>
 *   <li>{@code symbols.parquet}: the symbols with a sector, for joins;</li>
 *   <li>{@code big.parquet}: {@link #BIG_ROWS} rows of (id, grp), for streaming and cancellation.</li>
 * </ul>
 */
public final class TestData {
    public static final long BIG_ROWS = 10_000_000L;
    public static final int TRADES = 10_000;

    /** The wall clock of {@code types.ts} and the instant of {@code types.tstz}. */
    static final String TS = "2024-03-10 02:30:00.123456";
    static final String TSTZ = "2024-01-02 03:04:05.678901+00";

    private static Path directory;

    private TestData() {
    }

    public static synchronized Path directory() {
        if (directory == null) {
            try {
                Path dir = Files.createTempDirectory("polaroid-jdbc-data");
                write(dir);
                directory = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB could not write the test data", e);
            }
        }
        return directory;
    }

    public static Path file(String name) {
        return directory().resolve(name + ".parquet");
    }

    private static void write(Path dir) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            copy(statement, dir, "types", "SELECT * FROM (VALUES "
                    + "(1, TRUE, -7::TINYINT, 300::SMALLINT, 123456::INTEGER, 5000000000::BIGINT, 255::UTINYINT, "
                    + "0.5::FLOAT, -2.75::DOUBLE, 1234567.89::DECIMAL(9,2), 12345678901234.5678::DECIMAL(18,4), "
                    + "'123456789012345678901234.56789'::DECIMAL(30,5), 'héllo', '\\x01\\x02\\xFF'::BLOB, "
                    + "DATE '2024-02-29', TIME '13:14:15.123456', TIMESTAMP '" + TS + "', "
                    + "TIMESTAMPTZ '" + TSTZ + "', '550e8400-e29b-41d4-a716-446655440000'::UUID, [1, NULL, 3], "
                    + "{'a': 1, 'b': 'x'}, MAP {'k1': 1, 'k2': NULL}), "
                    + "(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                    + "NULL, NULL, NULL, NULL, NULL, NULL)) AS t(id, bool, tiny, small, int, big, ubyte, real, dbl, "
                    + "dec9, dec18, dec30, text, bin, date, time, ts, tstz, uuid, list, struct, map)");
            copy(statement, dir, "trades", "SELECT i AS id, 'S' || (i % 17) AS sym, "
                    + "TIMESTAMP '2024-01-01 09:30:00' + INTERVAL (i * 7) SECOND AS ts, "
                    + "CASE WHEN i % 101 = 0 THEN NULL ELSE round(100 + (i % 997) * 0.25, 2)::DOUBLE END AS price, "
                    + "(i % 50 + 1)::INTEGER AS volume, CASE WHEN i % 3 = 0 THEN 'SELL' ELSE 'BUY' END AS side, "
                    + "['XNYS', 'XNAS', 'BATS'][i % 3 + 1] AS venue, ((i % 400) * 0.01)::DECIMAL(10,2) AS fee "
                    + "FROM range(" + TRADES + ") AS r(i)");
            copy(statement, dir, "symbols", "SELECT 'S' || i AS sym, ['tech', 'energy', 'health'][i % 3 + 1] AS sector "
                    + "FROM range(15) AS r(i)");
            copy(statement, dir, "big", "SELECT i AS id, (i % 1000)::INTEGER AS grp FROM range(" + BIG_ROWS + ") AS r(i)");
        }
    }

    private static void copy(Statement statement, Path dir, String name, String query) throws SQLException {
        statement.execute("COPY (" + query + ") TO '" + dir.resolve(name + ".parquet") + "' (FORMAT parquet)");
    }
}
