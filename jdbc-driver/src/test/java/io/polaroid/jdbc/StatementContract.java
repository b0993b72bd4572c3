package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Statement, PreparedStatement and batch semantics. */
public abstract class StatementContract extends DriverContract {

    private static String uniqueName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private List<String> schemaNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet schemas = connection.getMetaData().getSchemas()) {
            while (schemas.next()) {
                names.add(schemas.getString("TABLE_SCHEM"));
            }
        }
        return names;
    }

    @Test
    void executeQueryReturnsTheRows() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, sym FROM trades WHERE id < 3 ORDER BY id")) {
            assertTrue(rs.next());
            assertEquals(0L, rs.getLong("id"));
            assertEquals("S0", rs.getString(2));
            assertTrue(rs.next());
            assertTrue(rs.next());
            assertEquals(2, rs.getInt("ID"), "column labels match without regard to case");
            assertFalse(rs.next());
            assertEquals(-1, statement.getUpdateCount());
        }
    }

    @Test
    void executeTellsRowsFromCounts() throws SQLException {
        String schema = uniqueName("s");
        try (Statement statement = connection.createStatement()) {
            assertTrue(statement.execute("SELECT count(*) FROM trades"));
            try (ResultSet rs = statement.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(TestData.TRADES, rs.getLong(1));
            }
            assertEquals(-1, statement.getUpdateCount());
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount());

            assertFalse(statement.execute("CREATE SCHEMA " + schema));
            assertNull(statement.getResultSet());
            assertTrue(statement.getUpdateCount() >= 0);
            assertFalse(statement.getMoreResults());
            assertEquals(-1, statement.getUpdateCount(), "no more results after the count");
            assertTrue(statement.executeUpdate("DROP SCHEMA " + schema) >= 0);
        }
    }

    @Test
    void executeQueryRefusesAStatementWithoutRowsBeforeRunningIt() throws SQLException {
        String schema = uniqueName("never");
        try (Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class, () -> statement.executeQuery("CREATE SCHEMA " + schema));
            assertEquals("07000", error.getSQLState());
        }
        assertFalse(schemaNames().contains(schema), "the statement must not have run");
    }

    @Test
    void executeUpdateRefusesAQuery() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals("07000", sqlState(() -> statement.executeUpdate("SELECT 1")));
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM trades")) {
            assertEquals("07000", sqlState(statement::executeUpdate));
        }
        try (PreparedStatement statement = connection.prepareStatement("CREATE SCHEMA " + uniqueName("never"))) {
            assertEquals("07000", sqlState(statement::executeQuery));
            assertNull(statement.getMetaData(), "a statement without rows has no result metadata");
        }
    }

    @Test
    void maxRowsLimitsTheRows() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(7);
            assertEquals(7, rows(statement.executeQuery("SELECT id FROM trades")).size());
            statement.setMaxRows(0);
            assertEquals(TestData.TRADES, rows(statement.executeQuery("SELECT id FROM trades")).size());
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM big")) {
            statement.setLargeMaxRows(3);
            assertEquals(3, rows(statement.executeQuery()).size());
        }
    }

    @Test
    void fetchSizeIsAHintThatChangesNothing() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1);
            assertEquals(1, statement.getFetchSize());
            assertEquals(100, rows(statement.executeQuery("SELECT id FROM trades WHERE id < 100")).size());
        }
    }

    @Test
    void aPlainStatementWithParametersIsRefused() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals("07001", sqlState(() -> statement.executeQuery("SELECT id FROM trades WHERE id = ?")));
        }
    }

    @Test
    void preparedStatementsRunAgainWithNewParameters() throws SQLException {
        try (PreparedStatement statement =
                     connection.prepareStatement("SELECT count(*) FROM trades WHERE sym = ? AND volume >= ?")) {
            ParameterMetaData parameters = statement.getParameterMetaData();
            assertEquals(2, parameters.getParameterCount());
            assertEquals(Types.VARCHAR, parameters.getParameterType(1));
            assertEquals(Types.INTEGER, parameters.getParameterType(2));
            assertEquals(ParameterMetaData.parameterModeIn, parameters.getParameterMode(1));
            assertEquals("java.lang.String", parameters.getParameterClassName(1));

            statement.setString(1, "S3");
            statement.setInt(2, 1);
            long all = count(statement);
            statement.setInt(2, 40);
            long some = count(statement);
            statement.setString(1, "no such symbol");
            long none = count(statement);
            assertTrue(all > some && some > 0, all + " > " + some);
            assertEquals(0, none);
            assertEquals(all, (Long) scalar("SELECT count(*) FROM trades WHERE sym = 'S3'"));
        }
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void everyParameterMustBeBound() throws SQLException {
        try (PreparedStatement statement =
                     connection.prepareStatement("SELECT count(*) FROM trades WHERE sym = ? AND volume > ?")) {
            statement.setString(1, "S1");
            assertEquals("07001", sqlState(statement::executeQuery));
            statement.setNull(2, Types.INTEGER);
            assertEquals(0L, count(statement), "a comparison with NULL is never true");
            statement.clearParameters();
            assertEquals("07001", sqlState(statement::executeQuery));
            assertEquals("07009", sqlState(() -> statement.setInt(3, 1)));
            assertEquals("07009", sqlState(() -> statement.setInt(0, 1)));
        }
    }

    @Test
    void aBatchOfDdlRunsInOrder() throws SQLException {
        String first = uniqueName("b");
        String second = uniqueName("b");
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE SCHEMA " + first);
            statement.addBatch("CREATE SCHEMA " + second);
            int[] counts = statement.executeBatch();
            assertEquals(2, counts.length);
            assertTrue(counts[0] >= 0 && counts[1] >= 0);
            assertTrue(schemaNames().containsAll(List.of(first, second)));

            statement.addBatch("DROP SCHEMA " + first);
            statement.addBatch("DROP SCHEMA " + second);
            assertEquals(2, statement.executeBatch().length);
            assertFalse(schemaNames().contains(first));
            assertEquals(0, statement.executeBatch().length, "executeBatch clears the batch");
        }
    }

    @Test
    void aFailingBatchReportsWhatRanBeforeIt() throws SQLException {
        String created = uniqueName("b");
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("CREATE SCHEMA " + created);
            statement.addBatch("CREATE SCHEMAA oops");
            statement.addBatch("CREATE SCHEMA " + uniqueName("b"));
            BatchUpdateException error = assertThrows(BatchUpdateException.class, statement::executeBatch);
            assertEquals("42601", error.getSQLState());
            assertEquals(1, error.getUpdateCounts().length, "the first command ran, the third did not");
            assertTrue(schemaNames().contains(created));
            statement.execute("DROP SCHEMA " + created);
        }
    }

    @Test
    void aBatchMayNotReturnRows() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("SELECT 1");
            BatchUpdateException error = assertThrows(BatchUpdateException.class, statement::executeBatch);
            assertEquals("07000", error.getSQLState());
            assertArrayEquals(new long[0], error.getLargeUpdateCounts());
        }
    }

    @Test
    void aPreparedBatchRunsOncePerParameterSet() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("REFRESH DATASET symbols")) {
            statement.addBatch();
            statement.addBatch();
            statement.addBatch();
            assertEquals(3, statement.executeBatch().length);
        }
        assertEquals(15L, scalar("SELECT count(*) FROM symbols"));
    }

    @Test
    void aPreparedBatchOfAQueryIsRefused() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM trades WHERE id = ?")) {
            statement.setInt(1, 1);
            statement.addBatch();
            assertEquals("07000", assertThrows(BatchUpdateException.class, statement::executeBatch).getSQLState());
        }
    }

    @Test
    void closingAStatementClosesItsResultSet() throws SQLException {
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM big");
        assertTrue(rs.next());
        statement.close();
        assertTrue(rs.isClosed());
        assertTrue(statement.isClosed());
        statement.close();
        assertThrows(SQLException.class, rs::next);
        assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"));
    }

    @Test
    void runningAStatementAgainClosesItsPreviousResultSet() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            ResultSet first = statement.executeQuery("SELECT id FROM big");
            assertTrue(first.next());
            ResultSet second = statement.executeQuery("SELECT id FROM trades");
            assertTrue(first.isClosed());
            assertTrue(second.next());
        }
    }

    @Test
    void closingTheConnectionClosesEverything() throws SQLException {
        Connection other = fixture().connect();
        Statement statement = other.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id FROM big");
        PreparedStatement prepared = other.prepareStatement("SELECT id FROM trades WHERE id = ?");
        assertTrue(rs.next());
        other.close();
        assertTrue(other.isClosed());
        assertTrue(statement.isClosed());
        assertTrue(prepared.isClosed());
        assertTrue(rs.isClosed());
        other.close();
        assertThrows(SQLException.class, other::createStatement);
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResult() throws SQLException {
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        ResultSet rs = statement.executeQuery("SELECT 1");
        rs.close();
        assertTrue(statement.isClosed());
    }

    @Test
    void theConnectionBehavesAsPoolsAndSpringExpect() throws SQLException {
        assertTrue(connection.isValid(1));
        assertTrue(connection.getAutoCommit());
        connection.setAutoCommit(false);
        assertFalse(connection.getAutoCommit());
        connection.commit();
        connection.rollback();
        connection.setAutoCommit(true);
        assertEquals(Connection.TRANSACTION_NONE, connection.getTransactionIsolation());
        assertFalse(connection.isReadOnly());
        connection.setReadOnly(true);
        assertTrue(connection.isReadOnly());
        connection.setReadOnly(false);
        assertEquals("polaroid", connection.getCatalog());
        assertEquals("main", connection.getSchema());
        assertEquals("3F000", sqlState(() -> connection.setSchema("no_such_schema")));
        assertEquals("main", connection.getSchema());
        assertNotNull(connection.getClientInfo(PolaroidConnection.MODE));
        assertEquals("SELECT 1", connection.nativeSQL("SELECT 1"));
        assertEquals(Connection.TRANSACTION_NONE, connection.getMetaData().getDefaultTransactionIsolation());
    }

    @Test
    void unsupportedResultSetKindsAreDowngradedWithAWarning() throws SQLException {
        connection.clearWarnings();
        try (Statement statement = connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.CONCUR_UPDATABLE)) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, statement.getResultSetType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, statement.getResultSetConcurrency());
            assertNotNull(connection.getWarnings());
        }
    }

    @Test
    void aClosedConnectionRefusesWork() throws SQLException {
        Connection other = fixture().connect();
        other.close();
        assertFalse(other.isValid(1));
        assertThrows(SQLException.class, () -> other.prepareStatement("SELECT 1"));
        assertThrows(SQLException.class, other::getMetaData);
    }

    @Test
    void resultSetsAreForwardOnly() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id FROM trades WHERE id < 2 ORDER BY id")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertTrue(rs.next());
            assertEquals(1, rs.getRow());
            assertInstanceOf(SQLException.class, assertThrows(SQLException.class, rs::previous));
            assertThrows(SQLException.class, () -> rs.absolute(1));
        }
    }
}
