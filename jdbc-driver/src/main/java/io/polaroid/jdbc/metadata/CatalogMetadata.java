package io.polaroid.jdbc.metadata;

import io.polaroid.engine.api.ColumnInfo;
import io.polaroid.engine.api.FunctionInfo;
import io.polaroid.engine.api.SchemaInfo;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.api.TableInfo;
import io.polaroid.jdbc.types.DialectTypes;
import io.polaroid.jdbc.types.JdbcType;
import io.polaroid.jdbc.types.JdbcTypes;
import io.polaroid.jdbc.types.SqlTypeInfo;
import java.sql.DatabaseMetaData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The rows of the {@code DatabaseMetaData} results that describe what a session can see: catalogs,
 * schemas, tables, columns, types and functions. Name patterns are {@link LikePattern}s; a catalog or
 * schema argument of {@code ""} selects objects without one, and {@code null} drops the criterion, as
 * JDBC specifies. Rows come sorted in the order each method's javadoc prescribes.
 */
public final class CatalogMetadata {
    /**
     * Table types every session can have, whether or not a table of that type exists yet (the Flight SQL
     * server's {@code GetTableTypes} lists them too).
     */
    public static final List<String> STANDARD_TABLE_TYPES = List.of("SYSTEM TABLE", "TABLE");

    private final SqlSession session;

    public CatalogMetadata(SqlSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public MetadataTable catalogs() {
        return MetadataColumns.catalogs().add(session.catalogName());
    }

    public MetadataTable schemas(String catalog, String schemaPattern) {
        MetadataTable table = MetadataColumns.schemas();
        LikePattern schemas = LikePattern.of(schemaPattern);
        session.schemas().stream()
                .filter(schema -> matchesCatalog(catalog, schema.catalog()) && schemas.matches(schema.schema()))
                .sorted(Comparator.comparing(SchemaInfo::catalog).thenComparing(SchemaInfo::schema))
                .forEach(schema -> table.add(schema.schema(), schema.catalog()));
        return table;
    }

    public MetadataTable tableTypes() {
        Set<String> types = new TreeSet<>(STANDARD_TABLE_TYPES);
        session.tables().forEach(table -> types.add(table.type()));
        MetadataTable table = MetadataColumns.tableTypes();
        types.forEach(table::add);
        return table;
    }

    /** @param types table types to include (case-insensitive), or null for all */
    public MetadataTable tables(String catalog, String schemaPattern, String tablePattern, List<String> types) {
        MetadataTable table = MetadataColumns.tables();
        Set<String> wanted = types == null ? null
                : types.stream().filter(Objects::nonNull).map(t -> t.toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        matchingTables(catalog, schemaPattern, tablePattern).stream()
                .filter(info -> wanted == null || wanted.contains(info.type().toUpperCase(Locale.ROOT)))
                .sorted(Comparator.comparing(TableInfo::type).thenComparing(TableInfo::catalog)
                        .thenComparing(TableInfo::schema).thenComparing(TableInfo::name))
                .forEach(info -> table.add(info.catalog(), info.schema(), info.name(), info.type(),
                        info.remarks().isEmpty() ? null : info.remarks(), null, null, null, null, null));
        return table;
    }

    public MetadataTable columns(String catalog, String schemaPattern, String tablePattern, String columnPattern) {
        MetadataTable table = MetadataColumns.columns();
        LikePattern columns = LikePattern.of(columnPattern);
        List<TableInfo> tables = matchingTables(catalog, schemaPattern, tablePattern).stream()
                .sorted(Comparator.comparing(TableInfo::catalog).thenComparing(TableInfo::schema)
                        .thenComparing(TableInfo::name))
                .toList();
        for (TableInfo info : tables) {
            for (ColumnInfo column : session.columns(info.schema(), info.name())) {
                if (columns.matches(column.field().getName())) {
                    addColumn(table, column);
                }
            }
        }
        return table;
    }

    private static void addColumn(MetadataTable table, ColumnInfo column) {
        JdbcType type = JdbcTypes.of(column.field());
        boolean nullable = column.field().isNullable();
        table.add(column.catalog(), column.schema(), column.table(), column.field().getName(),
                type.sqlType(), type.typeName(), type.columnSize(), null, type.decimalDigits(), type.numPrecRadix(),
                nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
                null, null, null, null, type.charOctetLength(), column.ordinal(), nullable ? "YES" : "NO",
                null, null, null, null, "NO", "NO");
    }

    public MetadataTable typeInfo() {
        MetadataTable table = MetadataColumns.typeInfo();
        for (SqlTypeInfo type : DialectTypes.all()) {
            table.add(type.typeName(), type.dataType(), type.precision(), type.literalPrefix(), type.literalSuffix(),
                    type.createParams(), type.nullable(), type.caseSensitive(), type.searchable(), type.unsigned(),
                    false, false, type.typeName(), type.minimumScale(), type.maximumScale(), null, null,
                    type.numPrecRadix() == 0 ? null : type.numPrecRadix());
        }
        return table;
    }

    /**
     * Built-in functions belong to the catalog but to no schema, so a schema pattern other than
     * {@code %} excludes them, as it would exclude any object without a schema.
     */
    public MetadataTable functions(String catalog, String schemaPattern, String functionPattern) {
        MetadataTable table = MetadataColumns.functions();
        if (!matchesCatalog(catalog, session.catalogName())
                || !(schemaPattern == null || schemaPattern.equals("%"))) {
            return table;
        }
        LikePattern names = LikePattern.of(functionPattern);
        Map<String, Integer> overloads = new HashMap<>();
        session.functions().stream()
                .filter(function -> names.matches(function.name()))
                .sorted(Comparator.comparing(FunctionInfo::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(function -> {
                    int overload = overloads.merge(function.name().toUpperCase(Locale.ROOT), 1, Integer::sum);
                    String specificName = overload == 1 ? function.name() : function.name() + "_" + overload;
                    short kind = (short) (function.kind() == FunctionInfo.Kind.TABLE
                            ? DatabaseMetaData.functionReturnsTable : DatabaseMetaData.functionNoTable);
                    table.add(session.catalogName(), null, function.name(),
                            function.remarks().isEmpty() ? null : function.remarks(), kind, specificName);
                });
        return table;
    }

    private List<TableInfo> matchingTables(String catalog, String schemaPattern, String tablePattern) {
        LikePattern schemas = LikePattern.of(schemaPattern);
        LikePattern tables = LikePattern.of(tablePattern);
        return session.tables().stream()
                .filter(info -> matchesCatalog(catalog, info.catalog()) && schemas.matches(info.schema())
                        && tables.matches(info.name()))
                .toList();
    }

    /** JDBC: null ignores the catalog, "" wants objects without one (Polaroid has none such). */
    private static boolean matchesCatalog(String wanted, String actual) {
        return wanted == null || wanted.equalsIgnoreCase(actual);
    }
}
