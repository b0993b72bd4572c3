package io.polaroid.jdbc.cursor;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** DATE columns, stored as days (or, from other servers, milliseconds) since 1970-01-01. */
final class DateAccessor extends ArrowAccessor {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private ArrowBuf data;
    private boolean millis;

    DateAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        data = column == null ? null : column.getDataBuffer();
        millis = column instanceof DateMilliVector;
    }

    private LocalDate read() {
        int row = position.row;
        long days = millis ? Math.floorDiv(data.getLong((long) row * Long.BYTES), MILLIS_PER_DAY)
                : data.getInt((long) row * Integer.BYTES);
        return LocalDate.ofEpochDay(days);
    }

    @Override
    protected Object readObject() {
        return Conversions.date(read(), localCalendar);
    }

    @Override
    protected String readString() {
        return read().toString();
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.date(read(), calendar);
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.timestamp(read().atStartOfDay(), calendar);
    }

    @Override
    protected LocalDate readLocalDate() {
        return read();
    }

    @Override
    protected LocalDateTime readLocalDateTime() {
        return read().atStartOfDay();
    }

    @Override
    protected OffsetDateTime readOffsetDateTime() {
        // midnight in the JVM's zone, the instant getTimestamp() denotes
        return read().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
