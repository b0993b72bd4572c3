package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code DatabaseMetaData} as DBeaver and Tableau use it: the navigator's walk (catalogs, schemas,
 * tables, columns, keys, indexes), the type list, and the capability answers, each checked against what
 * the engine really does.
 */
public abstract class MetadataContract extends DriverContract {

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(name));
            }
        }
        return values;
    }

    private static List<String> columnNames(ResultSet rs) throws SQLException {
        try (rs) {
            ResultSetMetaData metaData = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnName(i));
            }
            return names;
        }
    }

    private boolean runs(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rs.getObject(1);
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void theNavigatorWalksCatalogsSchemasTablesAndColumns() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals(List.of("polaroid"), column(metaData.getCatalogs(), "TABLE_CAT"));

        try (ResultSet schemas = metaData.getSchemas("polaroid", null)) {
            boolean main = false;
            while (schemas.next()) {
                assertEquals("polaroid", schemas.getString("TABLE_CATALOG"));
                main |= schemas.getString("TABLE_SCHEM").equals("main");
            }
            assertTrue(main);
        }
        assertEquals(List.of("main"), column(metaData.getSchemas("polaroid", "ma%"), "TABLE_SCHEM"));
        assertTrue(column(metaData.getSchemas(), "TABLE_SCHEM").contains("main"));
        assertEquals(List.of(), column(metaData.getSchemas("other_catalog", null), "TABLE_SCHEM"));

        List<String> tables = column(metaData.getTables("polaroid", "main", "%", new String[] {"TABLE"}),
                "TABLE_NAME");
        assertTrue(tables.containsAll(List.of("big", "symbols", "trades", "types")), tables.toString());
        assertEquals(List.of("trades"), column(metaData.getTables(null, "main", "TRA_ES", null), "TABLE_NAME"),
                "patterns use _ and %, and match without regard to case as the dialect does");
        assertEquals(List.of(), column(metaData.getTables(null, null, "trades", new String[] {"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"),
                columnNames(metaData.getTables(null, null, null, null)));

        try (ResultSet columns = metaData.getColumns("polaroid", "main", "trades", "%")) {
            List<String> names = new ArrayList<>();
            int ordinal = 0;
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME"));
                assertEquals("polaroid", columns.getString("TABLE_CAT"));
                assertEquals("main", columns.getString("TABLE_SCHEM"));
                assertEquals("trades", columns.getString("TABLE_NAME"));
                assertEquals(++ordinal, columns.getInt("ORDINAL_POSITION"));
                assertEquals("YES", columns.getString("IS_NULLABLE"));
                assertEquals(DatabaseMetaData.columnNullable, columns.getInt("NULLABLE"));
                assertEquals("NO", columns.getString("IS_AUTOINCREMENT"));
            }
            assertEquals(List.of("id", "sym", "ts", "price", "volume", "side", "venue", "fee"), names);
        }
    }

    @Test
    void getColumnsAgreesWithTheResultSetMetaDataOfTheTable() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM types");
             ResultSet columns = metaData.getColumns(null, "main", "types", null)) {
            ResultSetMetaData result = rows.getMetaData();
            for (int i = 1; i <= result.getColumnCount(); i++) {
                assertTrue(columns.next());
                String name = columns.getString("COLUMN_NAME");
                assertEquals(result.getColumnName(i), name);
                assertEquals(result.getColumnType(i), columns.getInt("DATA_TYPE"), name);
                assertEquals(result.getColumnTypeName(i), columns.getString("TYPE_NAME"), name);
                if (result.getColumnType(i) == Types.DECIMAL) {
                    assertEquals(result.getPrecision(i), columns.getInt("COLUMN_SIZE"), name);
                    assertEquals(result.getScale(i), columns.getInt("DECIMAL_DIGITS"), name);
                    assertEquals(10, columns.getInt("NUM_PREC_RADIX"), name);
                }
            }
            assertFalse(columns.next());
        }
        try (ResultSet columns = metaData.getColumns(null, null, "trades", "pri%")) {
            assertTrue(columns.next());
            assertEquals("price", columns.getString("COLUMN_NAME"));
            assertEquals(Types.DOUBLE, columns.getInt("DATA_TYPE"));
            assertEquals("DOUBLE", columns.getString("TYPE_NAME"));
            assertNull(columns.getObject("BUFFER_LENGTH"));
            assertFalse(columns.next());
        }
        assertEquals(24, columnNames(metaData.getColumns(null, null, "trades", null)).size());
    }

    @Test
    void keysAndIndexesAreEmptyWithTheColumnsJdbcDefines() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
                columnNames(metaData.getPrimaryKeys("polaroid", "main", "trades")));
        assertEquals(List.of(), column(metaData.getPrimaryKeys("polaroid", "main", "trades"), "COLUMN_NAME"));
        List<String> foreignKeyColumns = List.of("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
                "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE",
                "DELETE_RULE", "FK_NAME", "PK_NAME", "DEFERRABILITY");
        assertEquals(foreignKeyColumns, columnNames(metaData.getImportedKeys(null, "main", "trades")));
        assertEquals(foreignKeyColumns, columnNames(metaData.getExportedKeys(null, "main", "trades")));
        assertEquals(List.of(), column(metaData.getImportedKeys(null, "main", "trades"), "FK_NAME"));
        assertEquals(List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE", "INDEX_QUALIFIER", "INDEX_NAME",
                "TYPE", "ORDINAL_POSITION", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY", "PAGES", "FILTER_CONDITION"),
                columnNames(metaData.getIndexInfo(null, "main", "trades", false, true)));
        assertEquals(List.of(), column(metaData.getProcedures(null, null, "%"), "PROCEDURE_NAME"));
        assertEquals(List.of(), column(metaData.getUDTs(null, null, "%", null), "TYPE_NAME"));
        assertEquals(List.of(), column(metaData.getTablePrivileges(null, null, "%"), "PRIVILEGE"));
    }

    @Test
    void tableTypesListTheKindsOfTables() throws SQLException {
        assertTrue(column(connection.getMetaData().getTableTypes(), "TABLE_TYPE").contains("TABLE"));
    }

    @Test
    void everyTypeInTheTypeInfoIsAcceptedByTheDialect() throws SQLException {
        Map<Integer, String> samples = Map.of(Types.VARCHAR, "x", Types.CHAR, "x", Types.DATE, "2024-01-02",
                Types.TIME, "01:02:03", Types.TIMESTAMP, "2024-01-02 01:02:03",
                Types.TIMESTAMP_WITH_TIMEZONE, "2024-01-02 01:02:03 UTC", Types.VARBINARY, "0102", Types.BINARY, "0102");
        try (ResultSet types = connection.getMetaData().getTypeInfo()) {
            int previousType = Integer.MIN_VALUE;
            int count = 0;
            java.util.Set<String> typeNames = new java.util.HashSet<>();
            while (types.next()) {
                count++;
                String name = types.getString("TYPE_NAME");
                int dataType = types.getInt("DATA_TYPE");
                assertTrue(dataType >= previousType, "sorted by DATA_TYPE");
                previousType = dataType;
                assertEquals(DatabaseMetaData.typeNullable, types.getShort("NULLABLE"));
                assertTrue(typeNames.add(name), "listed twice: " + name);
                if (dataType == Types.ARRAY || dataType == Types.STRUCT || dataType == Types.OTHER) {
                    continue;
                }
                assertTrue(runs("SELECT CAST(NULL AS " + name + ")"), "CAST(NULL AS " + name + ")");
                String prefix = types.getString("LITERAL_PREFIX");
                if (prefix != null) {
                    String literal = prefix + samples.get(dataType) + types.getString("LITERAL_SUFFIX");
                    assertTrue(runs("SELECT " + literal), literal);
                }
            }
            assertTrue(count >= 15, count + " types");
            List<String> columnTypes = column(connection.getMetaData().getColumns(null, "main", "types", null),
                    "TYPE_NAME");
            assertTrue(typeNames.containsAll(columnTypes), "every column type name " + columnTypes
                    + " is one of the listed types " + typeNames);
        }
    }

    @Test
    void functionsComeFromTheSession() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> all = column(metaData.getFunctions(null, null, "%"), "FUNCTION_NAME");
        assertTrue(all.size() > 50, all.size() + " functions");
        assertTrue(all.stream().anyMatch(name -> name.equalsIgnoreCase("abs")));
        try (ResultSet functions = metaData.getFunctions(null, null, "ab_")) {
            assertTrue(functions.next());
            assertEquals("ABS", functions.getString("FUNCTION_NAME").toUpperCase(java.util.Locale.ROOT));
            assertNotNull(functions.getString("SPECIFIC_NAME"));
        }
        assertEquals(List.of(), column(metaData.getFunctions(null, "main", "%"), "FUNCTION_NAME"),
                "built-in functions belong to no schema");
    }

    @Test
    void identifierAnswersMatchTheDialect() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals("\"", metaData.getIdentifierQuoteString());
        assertTrue(metaData.storesMixedCaseIdentifiers());
        assertFalse(metaData.supportsMixedCaseIdentifiers());
        assertTrue(metaData.storesMixedCaseQuotedIdentifiers());
        assertFalse(metaData.supportsMixedCaseQuotedIdentifiers());
        assertFalse(metaData.storesUpperCaseIdentifiers());
        assertFalse(metaData.storesLowerCaseIdentifiers());
        // ... and the engine agrees: names match without regard to case, quoted or not
        assertEquals(TestData.TRADES, ((Number) scalar("SELECT count(\"ID\") FROM \"TRADES\"")).intValue());
        assertEquals(TestData.TRADES, ((Number) scalar("SELECT count(Id) FROM Trades")).intValue());
        // ... and keeps names as written
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA MixedCaseSchema");
            assertTrue(column(metaData.getSchemas(), "TABLE_SCHEM").contains("MixedCaseSchema"));
            statement.execute("DROP SCHEMA MixedCaseSchema");
        }
        assertEquals("\\", metaData.getSearchStringEscape());
    }

    @Test
    void nullOrderingIsWhatTheEngineDoes() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<List<Object>> ascending = rows("SELECT price FROM trades WHERE id < 200 ORDER BY price");
        boolean nullsLast = ascending.get(ascending.size() - 1).get(0) == null;
        assertEquals(nullsLast, metaData.nullsAreSortedHigh());
        assertEquals(!nullsLast, metaData.nullsAreSortedLow());
        assertFalse(metaData.nullsAreSortedAtEnd());
        assertFalse(metaData.nullsAreSortedAtStart());
    }

    @Test
    void capabilityAnswersAreTrue() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals(runs("SELECT count(*) FROM trades a FULL OUTER JOIN symbols b ON a.sym = b.sym"),
                metaData.supportsFullOuterJoins());
        assertEquals(runs("SELECT count(*) FROM trades WHERE volume > ALL (SELECT 10 FROM symbols)"),
                metaData.supportsSubqueriesInQuantifieds());
        assertEquals(runs("SELECT count(*) FROM main.trades"), metaData.supportsSchemasInDataManipulation());
        assertEquals(runs("SELECT count(*) FROM polaroid.main.trades"), metaData.supportsCatalogsInDataManipulation());
        assertEquals(runs("SELECT {fn UCASE(sym)} FROM trades"), metaData.getStringFunctions().contains("UCASE"));
        assertEquals(runs("SELECT {fn CONVERT(volume, SQL_VARCHAR)} FROM trades"), metaData.supportsConvert());
        assertEquals(runs("SELECT sym FROM trades WHERE sym LIKE 'S!_%' ESCAPE '!'"), metaData.supportsLikeEscapeClause());
        assertEquals(runs("SELECT t.sym FROM trades AS trades_alias, symbols AS t WHERE trades_alias.sym = t.sym"),
                metaData.supportsTableCorrelationNames());
        assertTrue(runs("SELECT count(*) FROM trades AS trades"), "a correlation name may equal the table name");
        assertFalse(metaData.supportsDifferentTableCorrelationNames());
        assertEquals(runs("SELECT sym AS s, count(*) FROM trades GROUP BY sym ORDER BY count(*)"),
                metaData.supportsExpressionsInOrderBy());
        assertFalse(metaData.supportsTransactions());
        assertTrue(metaData.supportsTransactionIsolationLevel(java.sql.Connection.TRANSACTION_NONE));
        assertFalse(metaData.supportsTransactionIsolationLevel(java.sql.Connection.TRANSACTION_SERIALIZABLE));
        assertTrue(metaData.supportsBatchUpdates());
        assertFalse(metaData.supportsStoredProcedures());
        assertFalse(metaData.supportsGetGeneratedKeys());
        assertFalse(metaData.supportsMultipleResultSets());
        assertFalse(metaData.supportsSavepoints());
        assertFalse(metaData.isReadOnly());
        assertTrue(metaData.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(metaData.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertTrue(metaData.supportsResultSetConcurrency(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY));
        assertFalse(metaData.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(metaData.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
    }

    @Test
    void productAndDriverIdentifyThemselves() throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        assertEquals("Polaroid", metaData.getDatabaseProductName());
        assertFalse(metaData.getDatabaseProductVersion().isBlank());
        assertEquals("Polaroid JDBC Driver", metaData.getDriverName());
        assertTrue(metaData.getDriverVersion().startsWith(metaData.getDriverMajorVersion() + "."));
        assertEquals(4, metaData.getJDBCMajorVersion());
        assertEquals(2, metaData.getJDBCMinorVersion());
        assertEquals(DatabaseMetaData.sqlStateSQL, metaData.getSQLStateType());
        assertTrue(metaData.getSQLKeywords().contains("LIMIT"), metaData.getSQLKeywords());
        assertTrue(metaData.getNumericFunctions().contains("ABS"));
        assertTrue(metaData.getTimeDateFunctions().contains("TIMESTAMPADD"));
        assertEquals("catalog", metaData.getCatalogTerm());
        assertEquals("schema", metaData.getSchemaTerm());
        assertEquals(".", metaData.getCatalogSeparator());
        assertTrue(metaData.isCatalogAtStart());
        assertEquals(fixture().url(), metaData.getURL());
        assertEquals(connection, metaData.getConnection());
    }
}
