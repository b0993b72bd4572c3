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
import java.time.ZonedDateTime;
import java.util.Calendar;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * TIMESTAMP WITH TIME ZONE columns: Arrow timestamps with a zone hold an instant. {@code getObject}
 * returns an {@link OffsetDateTime} in the column's zone (JDBC 4.2's mapping), {@code Instant} and
 * {@code OffsetDateTime} conversions are exact, and {@code getTimestamp} is
 * {@code Timestamp.from(instant)} whatever calendar is passed, because the value needs none.
 */
final class InstantTimestampAccessor extends TimestampAccessor {
    private final ZoneId zone;

    InstantTimestampAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        this.zone = ZoneId.of(((ArrowType.Timestamp) field.getType()).getTimezone());
    }

    @Override
    protected Object readObject() {
        return readOffsetDateTime();
    }

    @Override
    protected String readString() {
        return Conversions.OFFSET_TEXT.format(readOffsetDateTime());
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return isNull() ? null : Timestamp.from(readRaw());
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        return isNull() ? null
                : Conversions.date(Conversions.wallClock(readRaw(), calendar).toLocalDate(), calendar);
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        return isNull() ? null
                : Conversions.time(Conversions.wallClock(readRaw(), calendar).toLocalTime(), calendar);
    }

    @Override
    protected Instant readInstant() {
        return readRaw();
    }

    @Override
    protected OffsetDateTime readOffsetDateTime() {
        return readRaw().atZone(zone).toOffsetDateTime();
    }

    @Override
    protected ZonedDateTime readZonedDateTime() {
        return readRaw().atZone(zone);
    }

    /** The wall clock the instant shows in the JVM's zone, as {@code getTimestamp().toLocalDateTime()}. */
    @Override
    protected LocalDateTime readLocalDateTime() {
        return LocalDateTime.ofInstant(readRaw(), ZoneId.systemDefault());
    }

    @Override
    protected LocalDate readLocalDate() {
        return readLocalDateTime().toLocalDate();
    }

    @Override
    protected LocalTime readLocalTime() {
        return readLocalDateTime().toLocalTime();
    }
}
