package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calls DBeaver's navigator makes when a user expands a Polaroid connection, in its order: catalogs,
 * then schemas of the catalog, tables of a schema, columns and keys of a table, then the sample rows of
 * the data tab (a bounded {@code SELECT *} with {@code setMaxRows}).
 */
class DbeaverNavigatorTest {

    private static List<String> column(ResultSet rows, String label) throws SQLException {
        try (rows) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(label));
            }
            return values;
        }
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void walksCatalogsSchemasTablesColumnsAndRows(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url)) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> catalogs = column(metaData.getCatalogs(), "TABLE_CAT");
            assertEquals(List.of(connection.getCatalog()), catalogs);
            String catalog = catalogs.get(0);

            assertTrue(column(metaData.getSchemas(catalog, null), "TABLE_SCHEM").contains("main"));
            assertFalse(column(metaData.getTableTypes(), "TABLE_TYPE").isEmpty());

            List<String> tables = column(metaData.getTables(catalog, "main", "%", null), "TABLE_NAME");
            assertTrue(tables.containsAll(List.of("trades", "symbols")), tables.toString());

            try (ResultSet columns = metaData.getColumns(catalog, "main", "trades", "%")) {
                List<String> names = new ArrayList<>();
                while (columns.next()) {
                    names.add(columns.getString("COLUMN_NAME"));
                    assertEquals(names.size(), columns.getInt("ORDINAL_POSITION"));
                    assertFalse(columns.getString("TYPE_NAME").isBlank());
                    if (columns.getString("COLUMN_NAME").equals("volume")) {
                        assertEquals(Types.INTEGER, columns.getInt("DATA_TYPE"));
                    }
                }
                assertEquals(List.of("id", "sym", "ts", "price", "volume", "side", "venue", "fee"), names);
            }
            assertTrue(column(metaData.getPrimaryKeys(catalog, "main", "trades"), "COLUMN_NAME").isEmpty());

            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(200);
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"main\".\"trades\"")) {
                    int count = 0;
                    while (rows.next()) {
                        count++;
                    }
                    assertEquals(200, count);
                }
            }
        }
    }
}
