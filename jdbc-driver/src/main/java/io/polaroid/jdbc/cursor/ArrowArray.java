package io.polaroid.jdbc.cursor;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An ARRAY value copied out of its batch, so it stays valid after the cursor moves on (as JDBC
 * requires of {@link Array} objects).
 */
final class ArrowArray implements Array {
    private final String baseTypeName;
    private final int baseType;
    private Object[] elements;

    /** @param elements a typed Java array (e.g. {@code Integer[]}); taken over, not copied */
    ArrowArray(String baseTypeName, int baseType, Object[] elements) {
        this.baseTypeName = Objects.requireNonNull(baseTypeName, "baseTypeName");
        this.baseType = baseType;
        this.elements = Objects.requireNonNull(elements, "elements");
    }

    private Object[] elements() throws SQLException {
        if (elements == null) {
            throw new SQLException("this Array was freed", "0F001");
        }
        return elements;
    }

    @Override
    public String getBaseTypeName() {
        return baseTypeName;
    }

    @Override
    public int getBaseType() {
        return baseType;
    }

    @Override
    public Object getArray() throws SQLException {
        return elements().clone();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    /** @param index 1-based position of the first element */
    @Override
    public Object getArray(long index, int count) throws SQLException {
        Object[] all = elements();
        if (index < 1 || count < 0 || index - 1 + count > all.length) {
            throw new SQLException("elements " + index + ".." + (index + count - 1) + " are outside an array of "
                    + all.length, "2202E");
        }
        return Arrays.copyOfRange(all, (int) index - 1, (int) index - 1 + count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw new SQLFeatureNotSupportedException("Array.getResultSet is not supported; use getArray()");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public void free() {
        elements = null;
    }

    @Override
    public String toString() {
        return elements == null ? "freed array" : Arrays.deepToString(elements);
    }
}
