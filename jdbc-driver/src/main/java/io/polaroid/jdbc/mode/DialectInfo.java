package io.polaroid.jdbc.mode;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;

/**
 * What {@code DatabaseMetaData} says about the SQL dialect of a backend: how identifiers are quoted and
 * matched, where NULLs sort, and the keyword and function lists. The embedded mode reads them from the
 * engine's parser; a remote mode would read them from the server ({@code GetSqlInfo}).
 */
public interface DialectInfo {
    Quoting quoting();

    Casing unquotedCasing();

    Casing quotedCasing();

    /** Whether identifiers match case-sensitively. */
    boolean caseSensitive();

    /** Whether NULL sorts above every value (last ascending, first descending). */
    boolean nullsSortHigh();

    /** Comma-separated keywords of the dialect that are not SQL:2003 keywords. */
    String sqlKeywords();

    /** Comma-separated numeric functions of the JDBC escape syntax ({@code {fn ABS(x)}}). */
    String numericFunctions();

    String stringFunctions();

    String systemFunctions();

    String timeDateFunctions();
}
