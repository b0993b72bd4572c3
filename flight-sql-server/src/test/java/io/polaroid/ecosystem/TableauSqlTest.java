package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.polaroid.jdbc.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL Tableau's generic JDBC connector generates with {@code docs/polaroid.tdc} (SQL92 dialect, LIMIT
 * top-N): double-quoted identifiers, table aliases without AS, CASTs, EXTRACT, CASE, COUNT(DISTINCT), its
 * zero-row metadata probe. Over {@code trades}: 10,000 rows, {@code sym} 'S' || (id % 17), {@code side}
 * SELL when id % 3 = 0, {@code ts} from 2024-01-01 09:30:00 every 7 seconds (so into the next day).
 */
class TableauSqlTest {

    private static List<List<String>> rows(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void quotedIdentifiersAliasesAndGrouping(String url) throws SQLException {
        assertEquals(List.of(List.of("BUY", "6666"), List.of("SELL", "3334")), rows(url,
                "SELECT \"trades\".\"side\" AS \"side\", SUM(1) AS \"sum:Number of Records:ok\" "
                        + "FROM \"main\".\"trades\" \"trades\" GROUP BY \"trades\".\"side\" ORDER BY \"side\""));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void countDistinctAndCasts(String url) throws SQLException {
        assertEquals(List.of(List.of("17", String.valueOf(TestData.TRADES), "2024-01-01")), rows(url,
                "SELECT COUNT(DISTINCT \"trades\".\"sym\") AS \"ctd:sym:ok\", "
                        + "CAST(COUNT(*) AS VARCHAR(20)) AS \"cnt\", "
                        + "CAST(MIN(\"trades\".\"ts\") AS DATE) AS \"tdy:ts:ok\" FROM \"trades\" \"trades\""));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void extractCaseAndLimitTopN(String url) throws SQLException {
        List<List<String>> hours = rows(url,
                "SELECT EXTRACT(HOUR FROM \"trades\".\"ts\") AS \"hr:ts:ok\", "
                        + "SUM(CASE WHEN \"trades\".\"side\" = 'SELL' THEN 1 ELSE 0 END) AS \"sells\" "
                        + "FROM \"trades\" \"trades\" "
                        + "WHERE \"trades\".\"ts\" < CAST('2024-01-02 00:00:00' AS TIMESTAMP) "
                        + "GROUP BY EXTRACT(HOUR FROM \"trades\".\"ts\") "
                        + "ORDER BY \"hr:ts:ok\" LIMIT 2");
        assertEquals(2, hours.size());
        assertEquals("9", hours.get(0).get(0));
        assertEquals("10", hours.get(1).get(0));
        // 09:30 to 10:00 holds ids 0..257 (1800 s / 7 s): every third is a SELL
        assertEquals(String.valueOf((257 / 3) + 1), hours.get(0).get(1));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void zeroRowMetadataProbe(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM \"main\".\"trades\" \"trades\" WHERE (1 = 0)")) {
            assertFalse(result.next());
            assertEquals("id", result.getMetaData().getColumnLabel(1));
            assertEquals(8, result.getMetaData().getColumnCount());
        }
    }
}
