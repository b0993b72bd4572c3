package io.polaroid.jdbc.cursor;

import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * TIME columns: a time of day in the column's unit (microseconds in Polaroid's own results).
 * {@code getObject(i, LocalTime.class)} keeps every digit; {@code java.sql.Time} keeps milliseconds.
 */
final class TimeAccessor extends ArrowAccessor {
    private final TimeUnit unit;
    private ArrowBuf data;

    TimeAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        this.unit = ((ArrowType.Time) field.getType()).getUnit();
    }

    @Override
    protected void onBind(FieldVector column) {
        data = column == null ? null : column.getDataBuffer();
    }

    private LocalTime read() {
        int row = position.row;
        switch (unit) {
            case SECOND:
                return LocalTime.ofSecondOfDay(data.getInt((long) row * Integer.BYTES));
            case MILLISECOND:
                return LocalTime.ofNanoOfDay(data.getInt((long) row * Integer.BYTES) * 1_000_000L);
            case MICROSECOND:
                return LocalTime.ofNanoOfDay(data.getLong((long) row * Long.BYTES) * 1_000L);
            default:
                return LocalTime.ofNanoOfDay(data.getLong((long) row * Long.BYTES));
        }
    }

    @Override
    protected Object readObject() {
        return Conversions.time(read(), localCalendar);
    }

    @Override
    protected String readString() {
        return Conversions.TIME_TEXT.format(read());
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.time(read(), calendar);
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.timestamp(LocalDate.EPOCH.atTime(read()), calendar);
    }

    @Override
    protected LocalTime readLocalTime() {
        return read();
    }

    @Override
    protected LocalDateTime readLocalDateTime() {
        return LocalDate.EPOCH.atTime(read());
    }
}
