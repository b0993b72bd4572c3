package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.util.Calendar;
import org.apache.arrow.vector.Decimal256Vector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * DECIMAL columns: 128- and 256-bit Arrow decimals, and unsigned 64-bit integers (which only a
 * DECIMAL(20, 0) can hold).
 */
final class DecimalAccessor extends ArrowAccessor {
    private DecimalVector decimals;
    private Decimal256Vector wideDecimals;
    private UInt8Vector unsignedLongs;

    DecimalAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        decimals = column instanceof DecimalVector ? (DecimalVector) column : null;
        wideDecimals = column instanceof Decimal256Vector ? (Decimal256Vector) column : null;
        unsignedLongs = column instanceof UInt8Vector ? (UInt8Vector) column : null;
    }

    private BigDecimal read() {
        int row = position.row;
        if (decimals != null) {
            return decimals.getObjectNotNull(row);
        }
        if (wideDecimals != null) {
            return wideDecimals.getObjectNotNull(row);
        }
        BigInteger unsigned = unsignedLongs.getObjectNoOverflow(row);
        return new BigDecimal(unsigned);
    }

    @Override
    protected Object readObject() {
        return read();
    }

    @Override
    protected String readString() {
        return read().toPlainString();
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        return isNull() ? null : read();
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return !isNull() && read().signum() != 0;
    }

    @Override
    public byte getByte() throws SQLException {
        return isNull() ? 0 : Conversions.toByte(Conversions.toLong(read(), columnName()), columnName());
    }

    @Override
    public short getShort() throws SQLException {
        return isNull() ? 0 : Conversions.toShort(Conversions.toLong(read(), columnName()), columnName());
    }

    @Override
    public int getInt() throws SQLException {
        return isNull() ? 0 : Conversions.toInt(Conversions.toLong(read(), columnName()), columnName());
    }

    @Override
    public long getLong() throws SQLException {
        return isNull() ? 0 : Conversions.toLong(read(), columnName());
    }

    @Override
    public float getFloat() throws SQLException {
        return isNull() ? 0 : read().floatValue();
    }

    @Override
    public double getDouble() throws SQLException {
        return isNull() ? 0 : read().doubleValue();
    }
}
