package io.polaroid.jdbc.metadata;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.MetaImpl;

/**
 * The rows of one {@code DatabaseMetaData} result: its columns, named and typed as the JDBC javadoc of
 * the method lists them, and the rows as arrays of values of those types.
 *
 * <p>Columns are written compactly: {@code "TABLE_NAME"} is a non-null VARCHAR, {@code "REMARKS?"} a
 * nullable one, {@code "DATA_TYPE:int"} a non-null INTEGER, {@code "COLUMN_SIZE:int?"} a nullable one;
 * the other types are {@code short}, {@code long} and {@code boolean}.
 */
public final class MetadataTable {
    private final List<ColumnMetaData> columns;
    private final List<Object> rows = new ArrayList<>();

    private MetadataTable(List<ColumnMetaData> columns) {
        this.columns = columns;
    }

    /** An empty table with the given columns. */
    public static MetadataTable of(String... columnSpecs) {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (String spec : columnSpecs) {
            columns.add(column(spec, columns.size()));
        }
        return new MetadataTable(List.copyOf(columns));
    }

    private static ColumnMetaData column(String spec, int index) {
        boolean nullable = spec.endsWith("?");
        String body = nullable ? spec.substring(0, spec.length() - 1) : spec;
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String type = colon < 0 ? "string" : body.substring(colon + 1);
        Class<?> javaType;
        switch (type) {
            case "string":
                javaType = String.class;
                break;
            case "int":
                javaType = Integer.class;
                break;
            case "short":
                javaType = Short.class;
                break;
            case "long":
                javaType = Long.class;
                break;
            case "boolean":
                javaType = Boolean.class;
                break;
            default:
                throw new IllegalArgumentException("unknown metadata column type in " + spec);
        }
        return MetaImpl.columnMetaData(name, index, javaType,
                nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls);
    }

    /** Appends a row; values must match the columns in number and type. */
    public MetadataTable add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + columns.size()
                    + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    public List<ColumnMetaData> columns() {
        return columns;
    }

    /** The rows, each an {@code Object[]}, for Avatica's array cursor. */
    public List<Object> rows() {
        return List.copyOf(rows);
    }

    public List<String> columnNames() {
        return columns.stream().map(column -> column.columnName).toList();
    }

    @Override
    public String toString() {
        return "MetadataTable" + columnNames() + " x " + rows.size();
    }
}
