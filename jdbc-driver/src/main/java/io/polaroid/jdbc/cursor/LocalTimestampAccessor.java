package io.polaroid.jdbc.cursor;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * TIMESTAMP (without time zone) columns: Arrow timestamps with no zone hold a wall clock, not an
 * instant. {@code getObject(i, LocalDateTime.class)} returns that wall clock unchanged;
 * {@code getTimestamp(i)} is {@code Timestamp.valueOf(wallClock)} (read in the JVM's zone) and
 * {@code getTimestamp(i, calendar)} reads it in the calendar's zone. The official Flight SQL driver
 * shifts these values by the JVM's offset; this one does not.
 */
final class LocalTimestampAccessor extends TimestampAccessor {

    LocalTimestampAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    private LocalDateTime read() {
        Instant raw = readRaw();
        return LocalDateTime.ofEpochSecond(raw.getEpochSecond(), raw.getNano(), ZoneOffset.UTC);
    }

    @Override
    protected Object readObject() {
        return Conversions.timestamp(read(), localCalendar);
    }

    @Override
    protected String readString() {
        return Conversions.TIMESTAMP_TEXT.format(read());
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.timestamp(read(), calendar);
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.date(read().toLocalDate(), calendar);
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.time(read().toLocalTime(), calendar);
    }

    @Override
    protected LocalDateTime readLocalDateTime() {
        return read();
    }

    @Override
    protected LocalDate readLocalDate() {
        return read().toLocalDate();
    }

    @Override
    protected LocalTime readLocalTime() {
        return read().toLocalTime();
    }

    /** As an instant, the wall clock is read in the JVM's zone, like {@code getTimestamp(i)}. */
    @Override
    protected Instant readInstant() {
        return Conversions.instantInJvmZone(read());
    }

    @Override
    protected ZonedDateTime readZonedDateTime() {
        return readInstant().atZone(ZoneId.systemDefault());
    }

    @Override
    protected OffsetDateTime readOffsetDateTime() {
        return readZonedDateTime().toOffsetDateTime();
    }
}
