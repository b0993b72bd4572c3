package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * REAL and DOUBLE columns. A REAL value keeps its float identity in {@code getObject} and
 * {@code getString} ("0.1", not the double expansion "0.10000000149011612").
 */
abstract class FloatingAccessor extends ArrowAccessor {
    protected ArrowBuf data;

    FloatingAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    protected abstract double read(int row);

    @Override
    protected void onBind(FieldVector column) {
        data = column == null ? null : column.getDataBuffer();
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return !isNull() && read(position.row) != 0;
    }

    @Override
    public byte getByte() throws SQLException {
        return isNull() ? 0 : Conversions.toByte(Conversions.toLong(read(position.row), columnName()), columnName());
    }

    @Override
    public short getShort() throws SQLException {
        return isNull() ? 0 : Conversions.toShort(Conversions.toLong(read(position.row), columnName()), columnName());
    }

    @Override
    public int getInt() throws SQLException {
        return isNull() ? 0 : Conversions.toInt(Conversions.toLong(read(position.row), columnName()), columnName());
    }

    @Override
    public long getLong() throws SQLException {
        return isNull() ? 0 : Conversions.toLong(read(position.row), columnName());
    }

    @Override
    public float getFloat() throws SQLException {
        return isNull() ? 0 : Conversions.toFloat(read(position.row), columnName());
    }

    @Override
    public double getDouble() throws SQLException {
        return isNull() ? 0 : read(position.row);
    }

    /** Single-precision values, stored as 4-byte floats (or 2-byte halves from other servers). */
    static final class Float4 extends FloatingAccessor {
        private Float2Vector halves;

        Float4(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected void onBind(FieldVector column) {
            super.onBind(column);
            halves = column instanceof Float2Vector ? (Float2Vector) column : null;
        }

        private float readFloat(int row) {
            return halves != null ? halves.getValueAsFloat(row) : data.getFloat((long) row * Float.BYTES);
        }

        @Override
        protected double read(int row) {
            return readFloat(row);
        }

        @Override
        protected Object readObject() {
            return readFloat(position.row);
        }

        @Override
        protected String readString() {
            return Float.toString(readFloat(position.row));
        }

        @Override
        public BigDecimal getBigDecimal() throws SQLException {
            if (isNull()) {
                return null;
            }
            float value = readFloat(position.row);
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                throw Conversions.outOfRange(value, "BigDecimal", columnName());
            }
            return new BigDecimal(Float.toString(value));
        }
    }

    static final class Float8 extends FloatingAccessor {
        Float8(Field field, ReadPosition position, Calendar calendar) {
            super(field, position, calendar);
        }

        @Override
        protected double read(int row) {
            return data.getDouble((long) row * Double.BYTES);
        }

        @Override
        protected Object readObject() {
            return read(position.row);
        }

        @Override
        protected String readString() {
            return Double.toString(read(position.row));
        }

        @Override
        public BigDecimal getBigDecimal() throws SQLException {
            return isNull() ? null : Conversions.toBigDecimal(read(position.row), columnName());
        }
    }
}
