package io.polaroid.cli.shell;

import io.polaroid.cli.format.TextTable;
import io.polaroid.error.ErrorCode;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code \d} and {@code \d name}: what the catalog holds, read through {@link DatabaseMetaData} (so it works
 * over any Polaroid connection, embedded or remote).
 */
final class DatasetBrowser {
    private final Connection connection;

    DatasetBrowser(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** The datasets ({@code TABLE}s) of every schema. */
    void listDatasets(PrintWriter out) throws SQLException {
        TextTable table = new TextTable(List.of(new TextTable.Column("schema", false),
                new TextTable.Column("name", false), new TextTable.Column("description", false)), out);
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                table.add(new String[] {tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME"),
                        tables.getString("REMARKS")});
            }
        }
        table.finish();
    }

    /**
     * The columns of the table called {@code name} ({@code schema.name} or just {@code name}, matched
     * case-insensitively like unquoted SQL names).
     *
     * @throws SQLException 42P01 if there is no such table, 42000 if the name matches several
     */
    void describe(String name, PrintWriter out) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        TableName wanted = TableName.parse(name);
        List<TableName> found = new ArrayList<>();
        try (ResultSet tables = metadata.getTables(null, null, "%", null)) {
            while (tables.next()) {
                TableName candidate = new TableName(tables.getString("TABLE_SCHEM"), tables.getString("TABLE_NAME"));
                if (wanted.matches(candidate)) {
                    found.add(candidate);
                }
            }
        }
        if (found.isEmpty()) {
            throw new SQLSyntaxErrorException("no dataset named '" + name + "'; \\d lists them",
                    ErrorCode.UNDEFINED_TABLE.sqlState());
        }
        if (found.size() > 1) {
            throw new SQLSyntaxErrorException("'" + name + "' names " + found.size() + " datasets (" + found
                    + "); qualify it with its schema", ErrorCode.INVALID_STATEMENT.sqlState());
        }
        TableName table = found.get(0);
        String escape = metadata.getSearchStringEscape();
        TextTable columns = new TextTable(List.of(new TextTable.Column("column", false),
                new TextTable.Column("type", false), new TextTable.Column("nullable", false)), out);
        try (ResultSet rows = metadata.getColumns(null, likeLiteral(table.schema(), escape),
                likeLiteral(table.name(), escape), "%")) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME"),
                        rows.getString("IS_NULLABLE")});
            }
        }
        out.println("Dataset " + table);
        columns.finish();
    }

    /** {@code text} as a LIKE pattern that matches only itself. */
    static String likeLiteral(String text, String escape) {
        if (escape == null || escape.isEmpty()) {
            return text;
        }
        StringBuilder pattern = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || escape.indexOf(c) >= 0) {
                pattern.append(escape);
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    /** A table name, schema-qualified or not; unquoted, so it matches without regard to case. */
    record TableName(String schema, String name) {
        static TableName parse(String text) {
            String unquoted = text.strip();
            int dot = unquoted.indexOf('.');
            return dot < 0 ? new TableName(null, unquote(unquoted))
                    : new TableName(unquote(unquoted.substring(0, dot)), unquote(unquoted.substring(dot + 1)));
        }

        boolean matches(TableName candidate) {
            return name.equalsIgnoreCase(candidate.name)
                    && (schema == null || schema.equalsIgnoreCase(candidate.schema));
        }

        private static String unquote(String part) {
            String stripped = part.strip();
            return stripped.length() >= 2 && stripped.startsWith("\"") && stripped.endsWith("\"")
                    ? stripped.substring(1, stripped.length() - 1) : stripped;
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }
}
