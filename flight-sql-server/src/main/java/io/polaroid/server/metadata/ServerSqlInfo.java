package io.polaroid.server.metadata;

import io.polaroid.engine.sql.PolaroidDialect;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlNullOrdering;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlOuterJoinsSupportLevel;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedGroupBy;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedResultSetType;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedSubqueries;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedUnions;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlTransactionIsolationLevel;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * GetSqlInfo: what the server and its SQL dialect support, every value the Flight SQL specification
 * defines that the official JDBC driver, DBeaver and Tableau read (a missing one becomes an exception in
 * the client). The dialect's answers come from the engine's parser configuration, the same source the
 * embedded driver's {@code DatabaseMetaData} uses, so both modes describe one dialect: identifiers quoted
 * with double quotes, names matched without regard to case whether quoted or not, NULLs sorted high.
 *
 * <p>Polaroid reads datasets and runs catalog DDL; it has no INSERT/UPDATE/DELETE of rows (only bulk
 * ingest), no transactions, keys, indexes or procedures, and forward-only results.
 */
public final class ServerSqlInfo {
    private final SqlInfoBuilder builder;
    private final Set<Integer> provided = new TreeSet<>();

    /** @param serverVersion the version reported as {@code FLIGHT_SQL_SERVER_VERSION} */
    public ServerSqlInfo(String serverVersion) {
        Objects.requireNonNull(serverVersion, "serverVersion");
        SqlParser.Config parser = PolaroidDialect.parserConfig();
        SqlSupportedCaseSensitivity unquoted = caseSensitivity(parser.unquotedCasing(), parser.caseSensitive());
        SqlSupportedCaseSensitivity quoted = caseSensitivity(parser.quotedCasing(), parser.caseSensitive());
        String arrowVersion = Objects.requireNonNullElse(
                VectorSchemaRoot.class.getPackage().getImplementationVersion(), "unknown");
        this.builder = new SqlInfoBuilder()
                .withFlightSqlServerName("Polaroid")
                .withFlightSqlServerVersion(serverVersion)
                .withFlightSqlServerArrowVersion(arrowVersion)
                .withFlightSqlServerReadOnly(false)
                .withFlightSqlServerSql(true)
                .withFlightSqlServerSubstrait(false)
                .withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE)
                .withFlightSqlServerCancel(true)
                .withFlightSqlServerBulkIngestion(true)
                .withFlightSqlServerBulkIngestionTransaction(false)
                .withFlightSqlServerStatementTimeout(0)
                .withFlightSqlServerTransactionTimeout(0)
                .withSqlDdlCatalog(false)
                .withSqlDdlSchema(true)
                .withSqlDdlTable(true)
                .withSqlIdentifierCase(unquoted)
                .withSqlIdentifierQuoteChar(quoteCharacter(parser))
                .withSqlQuotedIdentifierCase(quoted)
                .withSqlAllTablesAreSelectable(true)
                .withSqlNullOrdering(PolaroidDialect.NULL_COLLATION == NullCollation.HIGH
                        ? SqlNullOrdering.SQL_NULLS_SORTED_HIGH : SqlNullOrdering.SQL_NULLS_SORTED_LOW)
                .withSqlKeywords(list(SqlParser.create("", parser).getMetadata().getJdbcKeywords()))
                .withSqlNumericFunctions(list(SqlJdbcFunctionCall.getNumericFunctions()))
                .withSqlStringFunctions(list(SqlJdbcFunctionCall.getStringFunctions()))
                .withSqlSystemFunctions(list(SqlJdbcFunctionCall.getSystemFunctions()))
                .withSqlDatetimeFunctions(list(SqlJdbcFunctionCall.getTimeDateFunctions()))
                .withSqlSearchStringEscape("\\")
                .withSqlExtraNameCharacters("")
                .withSqlSupportsColumnAliasing(true)
                .withSqlNullPlusNullIsNull(true)
                .withSqlSupportsConvert(Map.of())
                .withSqlSupportsTableCorrelationNames(true)
                // FROM t AS t is allowed: a correlation name may equal the table name
                .withSqlSupportsDifferentTableCorrelationNames(false)
                .withSqlSupportsExpressionsInOrderBy(true)
                .withSqlSupportsOrderByUnrelated(true)
                .withSqlSupportedGroupBy(SqlSupportedGroupBy.SQL_GROUP_BY_UNRELATED,
                        SqlSupportedGroupBy.SQL_GROUP_BY_BEYOND_SELECT)
                .withSqlSupportsLikeEscapeClause(true)
                // columns come from the Parquet files; no DDL declares NOT NULL on a dataset
                .withSqlSupportsNonNullableColumns(false)
                // the ODBC and ANSI-92 grammar levels all include INSERT, UPDATE and DELETE
                .withSqlSupportedGrammar()
                .withSqlAnsi92SupportedLevel()
                .withSqlSupportsIntegrityEnhancementFacility(false)
                .withSqlOuterJoinSupportLevel(SqlOuterJoinsSupportLevel.SQL_FULL_OUTER_JOINS)
                .withSqlSchemaTerm("schema")
                .withSqlProcedureTerm("procedure")
                .withSqlCatalogTerm("catalog")
                .withSqlCatalogAtStart(true)
                .withSqlSchemasSupportedActions()
                .withSqlCatalogsSupportedActions()
                .withSqlSupportedPositionedCommands()
                .withSqlSelectForUpdateSupported(false)
                .withSqlStoredProceduresSupported(false)
                .withSqlSubQueriesSupported(SqlSupportedSubqueries.SQL_SUBQUERIES_IN_COMPARISONS,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_EXISTS, SqlSupportedSubqueries.SQL_SUBQUERIES_IN_INS,
                        SqlSupportedSubqueries.SQL_SUBQUERIES_IN_QUANTIFIEDS)
                .withSqlCorrelatedSubqueriesSupported(true)
                .withSqlSupportedUnions(SqlSupportedUnions.SQL_UNION, SqlSupportedUnions.SQL_UNION_ALL)
                // 0: no limit, or not known (the JDBC meaning)
                .withSqlMaxBinaryLiteralLength(0)
                .withSqlMaxCharLiteralLength(0)
                .withSqlMaxColumnNameLength(0)
                .withSqlMaxColumnsInGroupBy(0)
                .withSqlMaxColumnsInIndex(0)
                .withSqlMaxColumnsInOrderBy(0)
                .withSqlMaxColumnsInSelect(0)
                .withSqlMaxColumnsInTable(0)
                .withSqlMaxConnections(0)
                .withSqlMaxCursorNameLength(0)
                .withSqlMaxIndexLength(0)
                .withSqlDbSchemaNameLength(0)
                .withSqlMaxProcedureNameLength(0)
                .withSqlMaxCatalogNameLength(0)
                .withSqlMaxRowSize(0)
                .withSqlMaxRowSizeIncludesBlobs(false)
                .withSqlMaxStatementLength(0)
                .withSqlMaxStatements(0)
                .withSqlMaxTableNameLength(0)
                .withSqlMaxTablesInSelect(0)
                .withSqlMaxUsernameLength(0)
                .withSqlDefaultTransactionIsolation(Connection.TRANSACTION_NONE)
                .withSqlTransactionsSupported(false)
                .withSqlSupportedTransactionsIsolationLevels(SqlTransactionIsolationLevel.SQL_TRANSACTION_NONE)
                .withSqlDataDefinitionCausesTransactionCommit(false)
                .withSqlDataDefinitionsInTransactionsIgnored(false)
                .withSqlSupportedResultSetTypes(SqlSupportedResultSetType.SQL_RESULT_SET_TYPE_FORWARD_ONLY)
                // several parameter rows bound to one prepared update run as a batch
                .withSqlBatchUpdatesSupported(true)
                .withSqlSavepointsSupported(false)
                .withSqlNamedParametersSupported(false)
                .withSqlLocatorsUpdateCopy(false)
                .withSqlStoredFunctionsUsingCallSyntaxSupported(false);
        for (SqlInfo info : SqlInfo.values()) {
            if (info != SqlInfo.UNRECOGNIZED && isProvided(info)) {
                provided.add(info.getNumber());
            }
        }
    }

    /**
     * Sends the requested values (all when {@code requested} is empty). Ids the server does not know are
     * left out, as the specification allows, instead of failing the whole request.
     */
    public void send(List<Integer> requested, ServerStreamListener listener) {
        List<Integer> ids = new ArrayList<>();
        if (requested.isEmpty()) {
            ids.addAll(provided);
        } else {
            requested.stream().filter(provided::contains).forEach(ids::add);
        }
        builder.send(ids.isEmpty() ? List.of(SqlInfo.FLIGHT_SQL_SERVER_NAME_VALUE) : ids, listener);
    }

    /** The ids this server answers. */
    public Set<Integer> provided() {
        return Set.copyOf(provided);
    }

    /**
     * Every value but these is set above: result set concurrencies (not in arrow's builder; clients fall
     * back to read-only), and Substrait versions (the server takes no Substrait plans).
     */
    private static boolean isProvided(SqlInfo info) {
        return !EnumSet.of(SqlInfo.SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_UNSPECIFIED,
                SqlInfo.SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_FORWARD_ONLY,
                SqlInfo.SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_SCROLL_SENSITIVE,
                SqlInfo.SQL_SUPPORTED_CONCURRENCIES_FOR_RESULT_SET_SCROLL_INSENSITIVE,
                SqlInfo.FLIGHT_SQL_SERVER_SUBSTRAIT_MIN_VERSION,
                SqlInfo.FLIGHT_SQL_SERVER_SUBSTRAIT_MAX_VERSION).contains(info);
    }

    private static String quoteCharacter(SqlParser.Config parser) {
        switch (parser.quoting()) {
            case BACK_TICK:
            case BACK_TICK_BACKSLASH:
                return "`";
            case BRACKET:
                return "[";
            default:
                return "\"";
        }
    }

    /**
     * Flight SQL describes case handling in one value per kind of identifier: names matched without
     * regard to case are {@code CASE_INSENSITIVE} whatever the parser does to their spelling.
     */
    private static SqlSupportedCaseSensitivity caseSensitivity(Casing casing, boolean caseSensitive) {
        if (!caseSensitive) {
            return SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE;
        }
        switch (casing) {
            case TO_UPPER:
                return SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UPPERCASE;
            case TO_LOWER:
                return SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE;
            default:
                return SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_UNKNOWN;
        }
    }

    private static String[] list(String commaSeparated) {
        return commaSeparated.isBlank() ? new String[0] : commaSeparated.split(",");
    }
}
