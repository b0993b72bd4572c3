package io.polaroid.jdbc.remote;

import io.polaroid.engine.api.ColumnInfo;
import io.polaroid.engine.api.FunctionInfo;
import io.polaroid.engine.api.SchemaInfo;
import io.polaroid.engine.api.TableInfo;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The session's metadata calls over Flight SQL: {@code GetDbSchemas}, {@code GetTables} (with the
 * tables' Arrow schemas for columns), and the function lists of {@code GetSqlInfo}. A catalog or schema
 * the server leaves NULL becomes the empty string, which the JDBC front shows as a name of no length.
 */
final class RemoteCatalog {
    private final ServerLink link;

    RemoteCatalog(ServerLink link) {
        this.link = Objects.requireNonNull(link, "link");
    }

    List<SchemaInfo> schemas() {
        FlightInfo info = link.sql().getSchemas(null, null);
        List<SchemaInfo> schemas = new ArrayList<>();
        SmallResults.forEachBatch(link, info, root -> {
            for (int row = 0; row < root.getRowCount(); row++) {
                schemas.add(new SchemaInfo(orEmpty(SmallResults.text(root, "catalog_name", row)),
                        orEmpty(SmallResults.text(root, "db_schema_name", row))));
            }
        });
        schemas.sort(Comparator.comparing(SchemaInfo::catalog).thenComparing(SchemaInfo::schema));
        return schemas;
    }

    List<TableInfo> tables() {
        FlightInfo info = link.sql().getTables(null, null, null, null, false);
        List<TableInfo> tables = new ArrayList<>();
        SmallResults.forEachBatch(link, info, root -> {
            for (int row = 0; row < root.getRowCount(); row++) {
                tables.add(new TableInfo(orEmpty(SmallResults.text(root, "catalog_name", row)),
                        orEmpty(SmallResults.text(root, "db_schema_name", row)),
                        orEmpty(SmallResults.text(root, "table_name", row)),
                        orEmpty(SmallResults.text(root, "table_type", row)), ""));
            }
        });
        tables.sort(Comparator.comparing(TableInfo::schema).thenComparing(TableInfo::name));
        return tables;
    }

    /**
     * The columns of one table, from the Arrow schema {@code GetTables} sends with it. The filters are
     * LIKE patterns in Flight SQL, so a name with {@code _} or {@code %} may match other tables too: only
     * the exact name is kept.
     */
    List<ColumnInfo> columns(String schema, String table) {
        FlightInfo info = link.sql().getTables(null, schema, table, null, true);
        List<ColumnInfo> columns = new ArrayList<>();
        SmallResults.forEachBatch(link, info, root -> {
            for (int row = 0; row < root.getRowCount(); row++) {
                String tableSchema = orEmpty(SmallResults.text(root, "db_schema_name", row));
                String name = orEmpty(SmallResults.text(root, "table_name", row));
                if (!columns.isEmpty() || !tableSchema.equals(schema) || !name.equals(table)) {
                    continue;
                }
                String catalog = orEmpty(SmallResults.text(root, "catalog_name", row));
                VarBinaryVector schemas = (VarBinaryVector) root.getVector("table_schema");
                List<Field> fields = deserialize(schemas.get(row), schema + "." + table).getFields();
                for (int i = 0; i < fields.size(); i++) {
                    columns.add(new ColumnInfo(catalog, tableSchema, name, i + 1, fields.get(i)));
                }
            }
        });
        return columns;
    }

    private Schema deserialize(byte[] bytes, String table) {
        if (bytes == null || bytes.length == 0) {
            return new Schema(List.of());
        }
        try {
            return MessageSerializer.deserializeSchema(new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes))));
        } catch (IOException | RuntimeException e) {
            throw new PolaroidException(ErrorCode.INTERNAL_ERROR, "the Flight SQL server at " + link.address()
                    + " sent a schema of table " + table + " that cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The functions of the JDBC escape lists the server publishes (numeric, string, date-time, system):
     * Flight SQL has no call that lists all functions of a dialect.
     */
    static List<FunctionInfo> functions(ServerInfo info) {
        Map<String, FunctionInfo> functions = new LinkedHashMap<>();
        for (SqlInfo list : new SqlInfo[] {SqlInfo.SQL_NUMERIC_FUNCTIONS, SqlInfo.SQL_STRING_FUNCTIONS,
                SqlInfo.SQL_DATETIME_FUNCTIONS, SqlInfo.SQL_SYSTEM_FUNCTIONS}) {
            for (String name : info.texts(list)) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty()) {
                    functions.putIfAbsent(trimmed.toUpperCase(java.util.Locale.ROOT),
                            new FunctionInfo(trimmed, FunctionInfo.Kind.SCALAR, ""));
                }
            }
        }
        return List.copyOf(functions.values());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
