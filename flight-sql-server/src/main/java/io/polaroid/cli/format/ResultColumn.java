package io.polaroid.cli.format;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A column of a result as the formats need it.
 *
 * @param index 1-based JDBC column index
 * @param label the column label (the alias, else the name)
 * @param kind  how its values are read and shown
 */
public record ResultColumn(int index, String label, ValueKind kind) {
    public ResultColumn {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }

    public static List<ResultColumn> of(ResultSetMetaData metadata) throws SQLException {
        int count = metadata.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new ResultColumn(i, metadata.getColumnLabel(i), ValueKind.of(metadata.getColumnType(i))));
        }
        return List.copyOf(columns);
    }
}
