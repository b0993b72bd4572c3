package io.polaroid.jdbc.remote;

import io.polaroid.jdbc.mode.DialectInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/**
 * The SQL dialect of a Flight SQL server, as its {@code GetSqlInfo} describes it, in the terms
 * {@code DatabaseMetaData} answers with. What a server leaves out falls back to standard SQL: double
 * quotes, names kept as written and matched exactly, NULLs sorted high, no extra keywords.
 */
final class ServerDialect implements DialectInfo {
    private final Quoting quoting;
    private final Casing unquotedCasing;
    private final Casing quotedCasing;
    private final boolean caseSensitive;
    private final boolean nullsSortHigh;
    private final String keywords;
    private final String numericFunctions;
    private final String stringFunctions;
    private final String systemFunctions;
    private final String timeDateFunctions;

    ServerDialect(ServerInfo info) {
        this.quoting = quoting(info.text(SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR).orElse("\""));
        long unquoted = info.number(SqlInfo.SQL_IDENTIFIER_CASE).orElse(-1L);
        long quoted = info.number(SqlInfo.SQL_QUOTED_IDENTIFIER_CASE).orElse(-1L);
        this.unquotedCasing = casing(unquoted);
        this.quotedCasing = casing(quoted);
        // Avatica has one flag for both: names match without regard to case only if the server says so
        this.caseSensitive = quoted != SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE_VALUE;
        long nulls = info.number(SqlInfo.SQL_NULL_ORDERING).orElse((long) SqlNullOrdering.SQL_NULLS_SORTED_HIGH_VALUE);
        // "at end" is high for ascending order, which is what DatabaseMetaData's answers assume
        this.nullsSortHigh = nulls == SqlNullOrdering.SQL_NULLS_SORTED_HIGH_VALUE
                || nulls == SqlNullOrdering.SQL_NULLS_SORTED_AT_END_VALUE;
        this.keywords = String.join(",", info.texts(SqlInfo.SQL_KEYWORDS));
        this.numericFunctions = String.join(",", info.texts(SqlInfo.SQL_NUMERIC_FUNCTIONS));
        this.stringFunctions = String.join(",", info.texts(SqlInfo.SQL_STRING_FUNCTIONS));
        this.systemFunctions = String.join(",", info.texts(SqlInfo.SQL_SYSTEM_FUNCTIONS));
        this.timeDateFunctions = String.join(",", info.texts(SqlInfo.SQL_DATETIME_FUNCTIONS));
    }

    private static Quoting quoting(String quote) {
        switch (quote.trim()) {
            case "`":
                return Quoting.BACK_TICK;
            case "[":
            case "[]":
                return Quoting.BRACKET;
            default:
                return Quoting.DOUBLE_QUOTE;
        }
    }

    private static Casing casing(long sensitivity) {
        if (sensitivity == SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UPPERCASE_VALUE) {
            return Casing.TO_UPPER;
        }
        if (sensitivity == SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE_VALUE) {
            return Casing.TO_LOWER;
        }
        return Casing.UNCHANGED;
    }

    @Override
    public Quoting quoting() {
        return quoting;
    }

    @Override
    public Casing unquotedCasing() {
        return unquotedCasing;
    }

    @Override
    public Casing quotedCasing() {
        return quotedCasing;
    }

    @Override
    public boolean caseSensitive() {
        return caseSensitive;
    }

    @Override
    public boolean nullsSortHigh() {
        return nullsSortHigh;
    }

    @Override
    public String sqlKeywords() {
        return keywords;
    }

    @Override
    public String numericFunctions() {
        return numericFunctions;
    }

    @Override
    public String stringFunctions() {
        return stringFunctions;
    }

    @Override
    public String systemFunctions() {
        return systemFunctions;
    }

    @Override
    public String timeDateFunctions() {
        return timeDateFunctions;
    }
}
