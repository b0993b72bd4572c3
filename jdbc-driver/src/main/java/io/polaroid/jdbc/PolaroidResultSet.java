package io.polaroid.jdbc;

import io.polaroid.engine.api.QueryResult;
import io.polaroid.jdbc.cursor.ArrowCursor;
import io.polaroid.jdbc.error.SqlExceptions;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * A result set over the session's streaming result, read in place by an {@link ArrowCursor}; or, for
 * {@code DatabaseMetaData} results, over the rows Avatica holds.
 */
final class PolaroidResultSet extends AvaticaResultSet {

    PolaroidResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
                      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
        super(statement, state, signature, metaData, timeZone, firstFrame);
    }

    /** Takes over the result the statement's last execution produced, if there is one. */
    @Override
    protected AvaticaResultSet execute() throws SQLException {
        StatementExecution execution = ((ExecutingStatement) statement).execution();
        QueryResult result = execution.takePending();
        if (result == null) {
            return super.execute();
        }
        int warningsSeen = result.warnings().size();
        ArrowCursor cursor = new ArrowCursor(result, statement.getLargeMaxRows(), execution.cancellation(),
                execution::translate, () -> {
                    // warnings that arose while the rows streamed
                    List<String> all = result.warnings();
                    execution.addWarnings(all.subList(Math.min(warningsSeen, all.size()), all.size()));
                });
        try {
            return execute2(cursor, columnMetaDataList);
        } catch (RuntimeException e) {
            cursor.close();
            throw SqlExceptions.translate(e);
        }
    }

    @Override
    public boolean next() throws SQLException {
        try {
            return super.next();
        } catch (RuntimeException e) {
            throw SqlExceptions.translate(e);
        }
    }

    /**
     * The accessor decides, as for {@code getObject(String)}: JDBC 4.2's class for the column's type
     * ({@code OffsetDateTime} for TIMESTAMP WITH TIME ZONE, {@code Integer} for SMALLINT, ...).
     */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > accessorList.size()) {
            throw new SQLException("column index " + columnIndex + " is out of range: the result has "
                    + accessorList.size() + " column(s)", "07009");
        }
        return accessorList.get(columnIndex - 1).getObject();
    }
}
