package io.polaroid.jdbc.cursor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * VARCHAR columns (UTF-8). Numeric, boolean and date/time getters parse the text, as JDBC's conversion
 * table allows; text that does not parse fails with 22018 naming the column.
 */
final class TextAccessor extends ArrowAccessor {
    private final VariableWidthBytes bytes = new VariableWidthBytes();

    TextAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        bytes.bind(column);
    }

    private String read() {
        return new String(bytes.read(position.row), StandardCharsets.UTF_8);
    }

    @Override
    protected Object readObject() {
        return read();
    }

    @Override
    protected String readString() {
        return read();
    }

    @Override
    public byte[] getBytes() throws SQLException {
        return isNull() ? null : bytes.read(position.row);
    }

    @Override
    public boolean getBoolean() throws SQLException {
        return !isNull() && Conversions.parseBoolean(read(), columnName());
    }

    @Override
    public byte getByte() throws SQLException {
        return isNull() ? 0 : Conversions.toByte(Conversions.parseLong(read(), columnName()), columnName());
    }

    @Override
    public short getShort() throws SQLException {
        return isNull() ? 0 : Conversions.toShort(Conversions.parseLong(read(), columnName()), columnName());
    }

    @Override
    public int getInt() throws SQLException {
        return isNull() ? 0 : Conversions.toInt(Conversions.parseLong(read(), columnName()), columnName());
    }

    @Override
    public long getLong() throws SQLException {
        return isNull() ? 0 : Conversions.parseLong(read(), columnName());
    }

    @Override
    public float getFloat() throws SQLException {
        return isNull() ? 0 : Conversions.toFloat(Conversions.parseDouble(read(), columnName()), columnName());
    }

    @Override
    public double getDouble() throws SQLException {
        return isNull() ? 0 : Conversions.parseDouble(read(), columnName());
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        return isNull() ? null : Conversions.parseDecimal(read(), columnName());
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.date(readLocalDate(), calendar);
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.time(readLocalTime(), calendar);
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        return isNull() ? null : Conversions.timestamp(readLocalDateTime(), calendar);
    }

    @Override
    protected LocalDate readLocalDate() throws SQLException {
        return parse(read(), "a date", DateTimeFormatter.ISO_LOCAL_DATE, LocalDate::from);
    }

    @Override
    protected LocalTime readLocalTime() throws SQLException {
        return parse(read(), "a time", DateTimeFormatter.ISO_LOCAL_TIME, LocalTime::from);
    }

    @Override
    protected LocalDateTime readLocalDateTime() throws SQLException {
        // Accept both the SQL form "2024-01-02 03:04:05" and ISO's "2024-01-02T03:04:05".
        String text = read().trim().replace(' ', 'T');
        return parse(text, "a timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from);
    }

    @Override
    protected OffsetDateTime readOffsetDateTime() throws SQLException {
        String text = read().trim().replaceFirst(" ", "T");
        return parse(text, "a timestamp with time zone", DateTimeFormatter.ISO_OFFSET_DATE_TIME,
                OffsetDateTime::from);
    }

    private <T> T parse(String text, String what, DateTimeFormatter format,
                        java.time.temporal.TemporalQuery<T> query) throws SQLDataException {
        try {
            return format.parse(text.trim(), query);
        } catch (DateTimeParseException e) {
            throw new SQLDataException("value '" + Conversions.abbreviate(text) + "' of column " + columnName()
                    + " is not " + what, Conversions.INVALID_CAST, e);
        }
    }
}
