package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * TINYINT, SMALLINT, INTEGER and BIGINT columns (and unsigned Arrow integers, widened). Values are read
 * from the data buffer directly; each width is a small subclass so the read is a plain buffer load.
 */
abstract class IntegerAccessor extends ArrowAccessor {
    protected ArrowBuf data;

    IntegerAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    /** The value at {@code row}, widened to long. */
    protected abstract long read(int row);

    @Override
    protected void onBind(FieldVector column) {
        data = column == null ? null : column.getDataBuffer();
    }

    @Override
    protected Object readObject() {
        long value = read(position.row);
        return type.sqlType() == Types.BIGINT ? (Object) value : (Object) (int) value;
    }

    @Override
    protected String readString() {
        return Long.toString(read(position.row));
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return !isNull() && read(position.row) != 0;
    }

    @Override
    public byte getByte() throws SQLException {
        return isNull() ? 0 : Conversions.toByte(read(position.row), columnName());
    }

    @Override
    public short getShort() throws SQLException {
        return isNull() ? 0 : Conversions.toShort(read(position.row), columnName());
    }

    @Override
    public int getInt() throws SQLException {
        return isNull() ? 0 : Conversions.toInt(read(position.row), columnName());
    }

    @Override
    public long getLong() throws SQLException {
        return isNull() ? 0 : read(position.row);
    }

    @Override
    public float getFloat() throws SQLException {
        return isNull() ? 0 : (float) read(position.row);
    }

    @Override
    public double getDouble() throws SQLException {
        return isNull() ? 0 : (double) read(position.row);
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        return isNull() ? null : BigDecimal.valueOf(read(position.row));
    }

    static final class TinyInt extends IntegerAccessor {
        TinyInt(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getByte(row);
        }
    }

    static final class SmallInt extends IntegerAccessor {
        SmallInt(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getShort((long) row * Short.BYTES);
        }
    }

    static final class Int extends IntegerAccessor {
        Int(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getInt((long) row * Integer.BYTES);
        }
    }

    static final class BigInt extends IntegerAccessor {
        BigInt(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getLong((long) row * Long.BYTES);
        }
    }

    static final class UInt1 extends IntegerAccessor {
        UInt1(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getByte(row) & 0xFFL;
        }
    }

    static final class UInt2 extends IntegerAccessor {
        UInt2(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getShort((long) row * Short.BYTES) & 0xFFFFL;
        }
    }

    static final class UInt4 extends IntegerAccessor {
        UInt4(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected long read(int row) {
            return data.getInt((long) row * Integer.BYTES) & 0xFFFF_FFFFL;
        }
    }
}
