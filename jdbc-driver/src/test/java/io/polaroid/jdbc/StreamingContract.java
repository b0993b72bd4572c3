package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Results larger than any batch stream through the cursor without being collected. */
public abstract class StreamingContract extends DriverContract {

    @Test
    void tenMillionRowsStreamCompletely() throws SQLException {
        long rows = 0;
        long idSum = 0;
        long grpSum = 0;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, grp FROM big")) {
            while (rs.next()) {
                rows++;
                idSum += rs.getLong(1);
                grpSum += rs.getInt(2);
            }
        }
        long n = TestData.BIG_ROWS;
        assertEquals(n, rows);
        assertEquals(n * (n - 1) / 2, idSum);
        assertEquals(n / 1000 * (999 * 1000 / 2), grpSum);
    }

    @Test
    void closingEarlyStopsTheStream() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM big WHERE grp >= ?")) {
            for (int run = 0; run < 20; run++) {
                statement.setInt(1, run);
                try (ResultSet rs = statement.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getLong(1) >= 0);
                }
            }
        }
        assertEquals(15L, scalar("SELECT count(*) FROM symbols"));
    }

    @Test
    void anAggregateOverTheWholeResultMatches() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT grp, count(*) AS n FROM big GROUP BY grp ORDER BY grp")) {
            int groups = 0;
            while (rs.next()) {
                assertEquals(groups, rs.getInt("grp"));
                assertEquals(TestData.BIG_ROWS / 1000, rs.getLong("n"));
                groups++;
            }
            assertEquals(1000, groups);
            assertFalse(rs.next());
        }
    }
}
