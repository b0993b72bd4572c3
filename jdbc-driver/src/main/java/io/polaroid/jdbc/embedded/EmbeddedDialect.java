package io.polaroid.jdbc.embedded;

import io.polaroid.engine.sql.PolaroidDialect;
import io.polaroid.jdbc.mode.DialectInfo;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The embedded engine's dialect, read from the engine's own parser configuration, so the answers of
 * {@code DatabaseMetaData} are the parser's truth. The keyword list needs a parser instance; it is
 * built on first use, not when a connection opens.
 */
final class EmbeddedDialect implements DialectInfo {
    static final EmbeddedDialect INSTANCE = new EmbeddedDialect();

    private final SqlParser.Config parser = PolaroidDialect.parserConfig();

    private EmbeddedDialect() {
    }

    /** Built on first use: creating a parser loads a large generated class. */
    private static final class Keywords {
        static final String JDBC_KEYWORDS =
                SqlParser.create("", PolaroidDialect.parserConfig()).getMetadata().getJdbcKeywords();
    }

    @Override
    public Quoting quoting() {
        return parser.quoting();
    }

    @Override
    public Casing unquotedCasing() {
        return parser.unquotedCasing();
    }

    @Override
    public Casing quotedCasing() {
        return parser.quotedCasing();
    }

    @Override
    public boolean caseSensitive() {
        return parser.caseSensitive();
    }

    @Override
    public boolean nullsSortHigh() {
        return PolaroidDialect.NULL_COLLATION == NullCollation.HIGH;
    }

    @Override
    public String sqlKeywords() {
        return Keywords.JDBC_KEYWORDS;
    }

    @Override
    public String numericFunctions() {
        return SqlJdbcFunctionCall.getNumericFunctions();
    }

    @Override
    public String stringFunctions() {
        return SqlJdbcFunctionCall.getStringFunctions();
    }

    @Override
    public String systemFunctions() {
        return SqlJdbcFunctionCall.getSystemFunctions();
    }

    @Override
    public String timeDateFunctions() {
        return SqlJdbcFunctionCall.getTimeDateFunctions();
    }
}
