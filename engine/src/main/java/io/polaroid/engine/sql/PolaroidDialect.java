package io.polaroid.engine.sql;

import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * The SQL dialect: how statements are lexed, which functions exist and how validation behaves.
 *
 * <p>Identifiers: double quotes; names kept as written whether quoted or not, and matched without regard
 * to case (Parquet columns are usually lower case; BI tools quote everything). The grammar is Calcite's
 * Babel parser, whose keywords are mostly non-reserved: Hive partition columns are routinely called
 * {@code year}, {@code month}, {@code day} or {@code hour}, and DuckDB and PostgreSQL accept those as
 * column names (Calcite's core grammar reserves them). Babel also reads PostgreSQL's {@code x::type}
 * casts. {@code DATE}, {@code TIME} and {@code TIMESTAMP} stay reserved (they start literals such as
 * {@code DATE '2024-01-01'}); quote such columns: {@code "date"}. Lenient conformance
 * allows {@code GROUP BY} aliases and ordinals, {@code !=}, {@code LIMIT}/{@code OFFSET}. Functions: the
 * SQL standard's, PostgreSQL's, Spark's {@code MAX_BY}/{@code MIN_BY}, and our {@code date_trunc} and
 * {@code time_bucket}. {@code NULL}s sort last ascending and first descending, as in PostgreSQL.
 */
public final class PolaroidDialect {
    public static final Quoting QUOTING = Quoting.DOUBLE_QUOTE;
    public static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;
    public static final NullCollation NULL_COLLATION = NullCollation.HIGH;

    private static volatile SqlOperatorTable operatorTable;

    private PolaroidDialect() {
    }

    public static SqlParser.Config parserConfig() {
        return SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withQuoting(QUOTING)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(CONFORMANCE);
    }

    public static SqlValidator.Config validatorConfig() {
        return SqlValidator.Config.DEFAULT
                .withConformance(CONFORMANCE)
                .withDefaultNullCollation(NULL_COLLATION)
                .withIdentifierExpansion(true)
                .withTypeCoercionEnabled(true)
                .withTypeCoercionFactory(PolaroidTypeCoercion::new);
    }

    /** Our own functions, in the order they are documented. */
    public static List<org.apache.calcite.sql.SqlOperator> polaroidFunctions() {
        return List.of(DateTruncFunction.INSTANCE, TimeBucketFunction.INSTANCE, OrderedSetFunctions.MEDIAN);
    }

    /** The operator table, built once on first use (it is large and not needed before the first query). */
    public static SqlOperatorTable operatorTable() {
        SqlOperatorTable table = operatorTable;
        if (table == null) {
            synchronized (PolaroidDialect.class) {
                table = operatorTable;
                if (table == null) {
                    table = SqlOperatorTables.chain(
                            SqlOperatorTables.of(polaroidFunctions()),
                            SqlStdOperatorTable.instance(),
                            SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(SqlLibrary.POSTGRESQL),
                            SqlOperatorTables.of(SqlLibraryOperators.MAX_BY, SqlLibraryOperators.MIN_BY));
                    operatorTable = table;
                }
            }
        }
        return table;
    }
}
