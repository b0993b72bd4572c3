package io.polaroid.jdbc;

import io.polaroid.jdbc.StatementExecution.Expectation;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * {@code PreparedStatement}: a plan made once by the session and run with bound parameters.
 *
 * <p>Setters store the Java value the session takes (see {@link ParameterConversions}) in Avatica's
 * parameter slots, so Avatica's batching keeps working; nothing goes through Avatica's wire
 * representation, which would lose microseconds and the difference between a wall clock and an instant.
 * {@code executeQuery} on a statement without rows and {@code executeUpdate} on a query fail before
 * anything runs.
 */
final class PolaroidPreparedStatement extends AvaticaPreparedStatement implements ExecutingStatement {
    private final StatementExecution execution = new StatementExecution();

    PolaroidPreparedStatement(AvaticaConnection connection, Meta.StatementHandle handle, Meta.Signature signature,
                              int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        super(connection, handle, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public StatementExecution execution() {
        return execution;
    }

    private boolean returnsRows() {
        return Signatures.returnsRows(getSignature());
    }

    private <T> T run(SqlCall<T> call) throws SQLException {
        return SqlCall.translated(call, execution::translate);
    }

    // --- execution -----------------------------------------------------------------------------------

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        execution.expect(Expectation.ROWS);
        try {
            execution.checkExpectation(returnsRows(), getSignature().sql);
        } finally {
            execution.expect(Expectation.ANY);
        }
        return run(super::executeQuery);
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        execution.expect(Expectation.COUNT);
        try {
            execution.checkExpectation(returnsRows(), getSignature().sql);
        } finally {
            execution.expect(Expectation.ANY);
        }
        return run(super::executeLargeUpdate);
    }

    @Override
    public boolean execute() throws SQLException {
        return run(super::execute);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return run(super::executeLargeBatch);
    }

    /** The columns of the rows it returns; null for a statement that returns an update count. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return returnsRows() ? super.getMetaData() : null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return this;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        getParameter(param);
        Field field = parameter(param);
        if (field == null) {
            return ParameterMetaData.parameterNullableUnknown;
        }
        return field.isNullable() ? ParameterMetaData.parameterNullable : ParameterMetaData.parameterNoNulls;
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        execution.cancel("cancelled by Statement.cancel()");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return execution.warnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        execution.clearWarnings();
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public void close() throws SQLException {
        run(() -> {
            super.close();
            return null;
        });
    }

    // --- binding -------------------------------------------------------------------------------------

    private void bind(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > slots.length) {
            throw new SQLException("parameter index " + index + " is out of range: the statement has " + slots.length
                    + " parameter(s)", "07009");
        }
        slots[index - 1] = TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, value);
    }

    /** The Arrow field of parameter {@code index}, or null when the index is out of range. */
    private Field parameter(int index) {
        List<Field> fields = Signatures.parameterFields(getSignature());
        return index >= 1 && index <= fields.size() ? fields.get(index - 1) : null;
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        bind(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        bind(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        bind(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        bind(index, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        bind(index, ParameterConversions.date(x, null));
    }

    @Override
    public void setDate(int index, Date x, Calendar calendar) throws SQLException {
        bind(index, ParameterConversions.date(x, calendar));
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        bind(index, ParameterConversions.time(x, null));
    }

    @Override
    public void setTime(int index, Time x, Calendar calendar) throws SQLException {
        bind(index, ParameterConversions.time(x, calendar));
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        bind(index, ParameterConversions.timestamp(x, null, parameter(index)));
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar calendar) throws SQLException {
        bind(index, ParameterConversions.timestamp(x, calendar, parameter(index)));
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        bind(index, ParameterConversions.object(index, x, parameter(index)));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        bind(index, ParameterConversions.object(index, x, targetSqlType, null, parameter(index)));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        bind(index, ParameterConversions.object(index, x, targetSqlType, scaleOrLength, parameter(index)));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        setObject(index, x, vendorType(targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, vendorType(targetSqlType), scaleOrLength);
    }

    private static int vendorType(SQLType type) throws SQLException {
        if (type == null || type.getVendorTypeNumber() == null) {
            throw new SQLFeatureNotSupportedException("SQL type " + type + " is not supported", "0A000");
        }
        return type.getVendorTypeNumber();
    }

    // Streams, readers and LOBs are read whole: values are bound as bytes or text.

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        bind(index, ParameterConversions.bytes(index, x, -1));
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        bind(index, ParameterConversions.bytes(index, x, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        bind(index, ParameterConversions.bytes(index, x, length));
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        setAsciiStream(index, x, -1L);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        setAsciiStream(index, x, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        byte[] bytes = ParameterConversions.bytes(index, x, length);
        bind(index, bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
        byte[] bytes = ParameterConversions.bytes(index, x, length);
        bind(index, bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        bind(index, ParameterConversions.characters(index, reader, -1));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        bind(index, ParameterConversions.characters(index, reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        bind(index, ParameterConversions.characters(index, reader, length));
    }

    @Override
    public void setNCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader);
    }

    @Override
    public void setNCharacterStream(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        bind(index, x == null ? null : ParameterConversions.bytes(index, x.getBinaryStream(), x.length()));
    }

    @Override
    public void setBlob(int index, InputStream x) throws SQLException {
        setBinaryStream(index, x);
    }

    @Override
    public void setBlob(int index, InputStream x, long length) throws SQLException {
        setBinaryStream(index, x, length);
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        bind(index, x == null ? null : ParameterConversions.characters(index, x.getCharacterStream(), x.length()));
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader);
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setNClob(int index, NClob x) throws SQLException {
        setClob(index, x);
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader);
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    // Types with no parameter form in Polaroid's dialect.

    @Override
    public void setArray(int index, Array x) throws SQLException {
        throw unsupportedParameter(index, "ARRAY");
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        throw unsupportedParameter(index, "REF");
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        throw unsupportedParameter(index, "DATALINK (URL)");
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        throw unsupportedParameter(index, "ROWID");
    }

    @Override
    public void setSQLXML(int index, SQLXML x) throws SQLException {
        throw unsupportedParameter(index, "SQLXML");
    }

    private static SQLException unsupportedParameter(int index, String type) {
        return new SQLFeatureNotSupportedException("parameter " + index + ": " + type + " parameters are not "
                + "supported", "0A000");
    }
}
