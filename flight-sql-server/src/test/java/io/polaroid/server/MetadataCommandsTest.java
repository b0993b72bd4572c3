package io.polaroid.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.ColumnMetadata;
import io.polaroid.server.metadata.ServerSqlInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.util.TableRef;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.ByteArrayReadableSeekableByteChannel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The metadata commands, and GetSqlInfo's values, as a Flight SQL client reads them. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MetadataCommandsTest extends SharedServerTest {
    @BeforeAll
    static void createMoreObjects() throws Exception {
        client.executeUpdate("CREATE SCHEMA other");
        client.executeUpdate("CREATE DATASET other.more FROM '" + server.directory.resolve("data/numbers.parquet") + "'");
    }

    @Test
    void catalogs() throws Exception {
        assertEquals(List.of(List.of("polaroid")), rows(client.getCatalogs()));
    }

    @Test
    void schemasFilteredByPattern() throws Exception {
        List<List<Object>> all = rows(client.getSchemas(null, null));
        assertTrue(all.contains(List.of("polaroid", "main")), all.toString());
        assertTrue(all.contains(List.of("polaroid", "other")), all.toString());
        assertEquals(List.of(List.of("polaroid", "other")), rows(client.getSchemas("polaroid", "oth%")));
        assertEquals(List.of(), rows(client.getSchemas("no_such_catalog", null)));
    }

    @Test
    void tablesWithoutAndWithTheirSchemas() throws Exception {
        List<List<Object>> tables = rows(client.getTables(null, null, "%", null, false));
        assertTrue(tables.contains(List.of("polaroid", "main", "numbers", "TABLE")), tables.toString());
        assertTrue(tables.contains(List.of("polaroid", "other", "more", "TABLE")), tables.toString());

        FlightInfo info = client.getTables(null, "main", "numbers", List.of("TABLE"), true);
        assertEquals(Schemas.GET_TABLES_SCHEMA, info.getSchema());
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertTrue(stream.next());
            assertEquals(1, stream.getRoot().getRowCount());
            byte[] ipc = ((VarBinaryVector) stream.getRoot().getVector("table_schema")).get(0);
            Schema schema = MessageSerializer.deserializeSchema(
                    new ReadChannel(new ByteArrayReadableSeekableByteChannel(ipc)));
            assertEquals(List.of("id", "grp", "name"), schema.getFields().stream().map(Field::getName).toList());
            assertEquals("VARCHAR", schema.getFields().get(2).getMetadata().get(ColumnMetadata.TYPE_NAME));
        }
        assertEquals(List.of(), rows(client.getTables(null, null, "%", List.of("VIEW"), false)));
    }

    @Test
    void tableTypesIncludeTable() throws Exception {
        List<List<Object>> types = rows(client.getTableTypes());
        assertTrue(types.contains(List.of("TABLE")), types.toString());
    }

    @Test
    void keysAreEmptyWithTheirSchemas() throws Exception {
        TableRef numbers = TableRef.of("polaroid", "main", "numbers");
        FlightInfo primary = client.getPrimaryKeys(numbers);
        assertEquals(Schemas.GET_PRIMARY_KEYS_SCHEMA, primary.getSchema());
        assertEquals(List.of(), rows(primary));
        assertEquals(List.of(), rows(client.getExportedKeys(numbers)));
        assertEquals(List.of(), rows(client.getImportedKeys(numbers)));
        assertEquals(List.of(), rows(client.getCrossReference(numbers, TableRef.of("polaroid", "other", "more"))));
    }

    @Test
    void xdbcTypeInfoListsTheDialectTypes() throws Exception {
        List<List<Object>> types = rows(client.getXdbcTypeInfo());
        List<Object> names = types.stream().map(row -> row.get(0)).toList();
        assertTrue(names.containsAll(List.of("BIGINT", "VARCHAR", "TIMESTAMP", "DECIMAL", "BOOLEAN")), names.toString());
    }

    @Test
    void sqlInfoDescribesTheDialectTruthfully() throws Exception {
        Map<Integer, Object> info = sqlInfo(client.getSqlInfo(SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR,
                SqlInfo.SQL_IDENTIFIER_CASE, SqlInfo.SQL_QUOTED_IDENTIFIER_CASE, SqlInfo.SQL_NULL_ORDERING,
                SqlInfo.FLIGHT_SQL_SERVER_NAME, SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY, SqlInfo.SQL_DDL_SCHEMA,
                SqlInfo.FLIGHT_SQL_SERVER_CANCEL, SqlInfo.SQL_KEYWORDS));
        assertEquals("\"", info.get(SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR_VALUE).toString());
        assertEquals(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE,
                ((Number) info.get(SqlInfo.SQL_IDENTIFIER_CASE_VALUE)).intValue());
        assertEquals(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE,
                ((Number) info.get(SqlInfo.SQL_QUOTED_IDENTIFIER_CASE_VALUE)).intValue());
        assertEquals(SqlNullOrdering.SQL_NULLS_SORTED_HIGH_VALUE,
                ((Number) info.get(SqlInfo.SQL_NULL_ORDERING_VALUE)).intValue());
        assertEquals("Polaroid", info.get(SqlInfo.FLIGHT_SQL_SERVER_NAME_VALUE).toString());
        assertEquals(false, info.get(SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY_VALUE));
        assertEquals(true, info.get(SqlInfo.SQL_DDL_SCHEMA_VALUE));
        assertEquals(true, info.get(SqlInfo.FLIGHT_SQL_SERVER_CANCEL_VALUE));
        assertTrue(info.get(SqlInfo.SQL_KEYWORDS_VALUE).toString().contains("LIMIT"), info.toString());
    }

    @Test
    void sqlInfoAnswersEveryValueItProvidesAndSkipsUnknownIds() throws Exception {
        Map<Integer, Object> all = sqlInfo(client.getSqlInfo());
        assertEquals(new ServerSqlInfo("test").provided(), all.keySet());
        // every standard value a BI tool may ask for, except the few documented as not provided
        assertTrue(all.size() >= SqlInfo.values().length - 7, "values: " + all.size());

        Map<Integer, Object> some = sqlInfo(client.getSqlInfo(new int[] {SqlInfo.SQL_CATALOG_TERM_VALUE, 987_654}));
        assertEquals(Map.of(SqlInfo.SQL_CATALOG_TERM_VALUE, "catalog"), stringValues(some));
    }

    private static Map<Integer, Object> stringValues(Map<Integer, Object> values) {
        Map<Integer, Object> strings = new HashMap<>();
        values.forEach((key, value) -> strings.put(key, value.toString()));
        return strings;
    }

    private static Map<Integer, Object> sqlInfo(FlightInfo info) throws Exception {
        Map<Integer, Object> values = new HashMap<>();
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                UInt4Vector names = (UInt4Vector) root.getVector("info_name");
                DenseUnionVector value = (DenseUnionVector) root.getVector("value");
                for (int i = 0; i < root.getRowCount(); i++) {
                    values.put(names.get(i), value.getObject(i));
                }
            }
        }
        return values;
    }

    /** Every row of a metadata result, values as Java objects (text as String). */
    static List<List<Object>> rows(FlightInfo info) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (FlightStream stream = client.getStream(info.getEndpoints().get(0).getTicket())) {
            assertEquals(info.getSchema(), stream.getSchema());
            while (stream.next()) {
                VectorSchemaRoot root = stream.getRoot();
                for (int r = 0; r < root.getRowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (var vector : root.getFieldVectors()) {
                        Object value = vector.getObject(r);
                        row.add(value instanceof org.apache.arrow.vector.util.Text ? value.toString() : value);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
