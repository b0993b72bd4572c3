package io.polaroid.server.metadata;

import io.polaroid.engine.api.ColumnInfo;
import io.polaroid.engine.api.SchemaInfo;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.api.TableInfo;
import io.polaroid.jdbc.metadata.CatalogMetadata;
import io.polaroid.jdbc.metadata.LikePattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The results of GetCatalogs, GetDbSchemas, GetTables and GetTableTypes, from what a session sees. Name
 * filters are {@code LIKE} patterns matched as {@code DatabaseMetaData} matches them ({@link LikePattern},
 * ignoring case as the dialect does); a catalog filter of {@code ""} selects objects without a catalog
 * (there are none), no filter selects everything. Rows are sorted as the Flight SQL specification says.
 */
public final class CatalogListings {
    private CatalogListings() {
    }

    public static VectorSchemaRoot catalogs(SqlSession session, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_CATALOGS_SCHEMA, allocator);
        MetadataRoots.setRow(root, 0, session.catalogName());
        root.setRowCount(1);
        return root;
    }

    public static VectorSchemaRoot schemas(SqlSession session, CommandGetDbSchemas request, BufferAllocator allocator) {
        String catalog = request.hasCatalog() ? request.getCatalog() : null;
        LikePattern pattern = LikePattern.of(request.hasDbSchemaFilterPattern() ? request.getDbSchemaFilterPattern() : null);
        List<SchemaInfo> schemas = session.schemas().stream()
                .filter(s -> matchesCatalog(catalog, s.catalog()) && pattern.matches(s.schema()))
                .sorted(Comparator.comparing(SchemaInfo::catalog).thenComparing(SchemaInfo::schema))
                .toList();
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_SCHEMAS_SCHEMA, allocator);
        for (int i = 0; i < schemas.size(); i++) {
            MetadataRoots.setRow(root, i, schemas.get(i).catalog(), schemas.get(i).schema());
        }
        root.setRowCount(schemas.size());
        return root;
    }

    public static VectorSchemaRoot tables(SqlSession session, CommandGetTables request, BufferAllocator allocator) {
        String catalog = request.hasCatalog() ? request.getCatalog() : null;
        LikePattern schemas = LikePattern.of(request.hasDbSchemaFilterPattern() ? request.getDbSchemaFilterPattern() : null);
        LikePattern names = LikePattern.of(request.hasTableNameFilterPattern() ? request.getTableNameFilterPattern() : null);
        Set<String> types = request.getTableTypesList().stream().map(t -> t.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<TableInfo> tables = session.tables().stream()
                .filter(t -> matchesCatalog(catalog, t.catalog()) && schemas.matches(t.schema()) && names.matches(t.name())
                        && (types.isEmpty() || types.contains(t.type().toUpperCase(Locale.ROOT))))
                .sorted(Comparator.comparing(TableInfo::catalog).thenComparing(TableInfo::schema)
                        .thenComparing(TableInfo::name).thenComparing(TableInfo::type))
                .toList();
        boolean withSchema = request.getIncludeSchema();
        VectorSchemaRoot root = VectorSchemaRoot.create(
                withSchema ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, allocator);
        try {
            for (int i = 0; i < tables.size(); i++) {
                TableInfo table = tables.get(i);
                if (withSchema) {
                    MetadataRoots.setRow(root, i, table.catalog(), table.schema(), table.name(), table.type(),
                            IpcSchemas.serialize(columns(session, table)));
                } else {
                    MetadataRoots.setRow(root, i, table.catalog(), table.schema(), table.name(), table.type());
                }
            }
            root.setRowCount(tables.size());
            return root;
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    /** The standard table types and every type a table of the session has, sorted. */
    public static VectorSchemaRoot tableTypes(SqlSession session, BufferAllocator allocator) {
        Set<String> types = new TreeSet<>(CatalogMetadata.STANDARD_TABLE_TYPES);
        session.tables().forEach(table -> types.add(table.type()));
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TABLE_TYPES_SCHEMA, allocator);
        int row = 0;
        for (String type : types) {
            MetadataRoots.setRow(root, row++, type);
        }
        root.setRowCount(row);
        return root;
    }

    /** A table's columns as a schema whose fields carry the {@code ARROW:FLIGHT:SQL:*} metadata. */
    private static Schema columns(SqlSession session, TableInfo table) {
        List<Field> fields = new ArrayList<>();
        for (ColumnInfo column : session.columns(table.schema(), table.name())) {
            fields.add(column.field());
        }
        return new Schema(fields);
    }

    /** No filter matches every catalog; a filter matches its catalog ignoring case ("" matches none). */
    private static boolean matchesCatalog(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(Objects.requireNonNull(actual));
    }
}
