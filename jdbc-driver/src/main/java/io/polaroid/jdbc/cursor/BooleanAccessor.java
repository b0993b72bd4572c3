package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Calendar;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** BOOLEAN columns; numeric getters read true as 1 and false as 0, as JDBC's conversion table allows. */
final class BooleanAccessor extends ArrowAccessor {
    private BitVector bits;

    BooleanAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        bits = (BitVector) column;
    }

    private boolean read() {
        return bits.get(position.row) != 0;
    }

    @Override
    protected Object readObject() {
        return read();
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return !isNull() && read();
    }

    @Override
    public byte getByte() throws SQLException {
        return (byte) getInt();
    }

    @Override
    public short getShort() throws SQLException {
        return (short) getInt();
    }

    @Override
    public int getInt() throws SQLException {
        return getBoolean() ? 1 : 0;
    }

    @Override
    public long getLong() throws SQLException {
        return getInt();
    }

    @Override
    public float getFloat() throws SQLException {
        return getInt();
    }

    @Override
    public double getDouble() throws SQLException {
        return getInt();
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        return isNull() ? null : (read() ? BigDecimal.ONE : BigDecimal.ZERO);
    }
}
