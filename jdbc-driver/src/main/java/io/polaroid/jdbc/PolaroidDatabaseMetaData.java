package io.polaroid.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * {@code DatabaseMetaData}: the rows come from {@link SessionMeta}; the answers below describe what
 * Polaroid does, where Avatica's defaults would not. Identifier quoting, case and NULL ordering come from
 * the backend's dialect (see {@link PolaroidConnection}); the keyword and function lists from the
 * session's parser.
 *
 * <p>Polaroid reads datasets and runs DDL on its catalog ({@code CREATE DATASET}, {@code CREATE SCHEMA});
 * it has no INSERT/UPDATE/DELETE, no transactions, no keys, indexes or procedures, and only
 * forward-only read-only result sets.
 */
final class PolaroidDatabaseMetaData extends AvaticaDatabaseMetaData {
    private final PolaroidConnection connection;

    PolaroidDatabaseMetaData(PolaroidConnection connection) {
        super(connection);
        this.connection = connection;
    }

    // Where NULL sorts is the dialect's collation: HIGH sorts it after every value ascending.

    @Override
    public boolean nullsAreSortedHigh() {
        return connection.backend().dialect().nullsSortHigh();
    }

    @Override
    public boolean nullsAreSortedLow() {
        return !connection.backend().dialect().nullsSortHigh();
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    /** The catalog accepts DDL, so it is not read-only. */
    @Override
    public boolean isReadOnly() {
        return false;
    }

    /** Embedded and local-file modes read files of this machine, one dataset per file or directory. */
    @Override
    public boolean usesLocalFiles() {
        return connection.backend().usesLocalFiles();
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return connection.backend().usesLocalFiles();
    }

    /** {@code FROM t AS t} is allowed: a correlation name may equal the table's name. */
    @Override
    public boolean supportsDifferentTableCorrelationNames() {
        return false;
    }

    /** Columns are defined by the Parquet files, not by DDL, so no DDL can declare NOT NULL. */
    @Override
    public boolean supportsNonNullableColumns() {
        return false;
    }

    // The ODBC grammar levels and the ANSI-92 levels all include INSERT, UPDATE and DELETE.

    @Override
    public boolean supportsMinimumSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsCoreSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() {
        return false;
    }

    /** {@code x > ALL (SELECT ...)} and {@code SOME}/{@code ANY} work. */
    @Override
    public boolean supportsSubqueriesInQuantifieds() {
        return true;
    }

    // No procedures, indexes or privileges exist, so no names of them can be qualified.

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    // Without transactions, commit and rollback do nothing, so nothing is closed by them.

    @Override
    public boolean supportsOpenCursorsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    /** There are no LOB locators. */
    @Override
    public boolean locatorsUpdateCopy() {
        return false;
    }

    // Result sets are read-only: nobody's updates, deletes or inserts show through them.

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public String getUserName() throws SQLException {
        String user = super.getUserName();
        return user == null ? "" : user;
    }
}
