package io.polaroid.jdbc.cursor;

import io.polaroid.jdbc.types.JdbcType;
import io.polaroid.jdbc.types.JdbcTypes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.calcite.avatica.util.Cursor;
import org.joou.UByte;
import org.joou.UInteger;
import org.joou.ULong;
import org.joou.UShort;

/**
 * Reads one column of the current batch at the cursor's row, straight from the Arrow vector.
 *
 * <p>Subclasses implement {@link #readObject()} (the value {@code getObject} returns) and the getters
 * that make sense for their type; every other getter fails with SQLState 22018 naming the column and
 * its type. Getters check for NULL first and record it for {@code wasNull()}; a getter called when the
 * cursor is not on a row fails with 24000.
 */
abstract class ArrowAccessor implements Cursor.Accessor {
    protected final Field field;
    protected final JdbcType type;
    protected final ReadPosition position;
    /** The result set's calendar: {@code getObject()} of date/time values uses it like {@code getDate(i)}. */
    protected final Calendar localCalendar;
    private FieldVector vector;

    ArrowAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        this.field = Objects.requireNonNull(field, "field");
        this.type = JdbcTypes.of(field);
        this.position = Objects.requireNonNull(position, "position");
        this.localCalendar = Objects.requireNonNull(localCalendar, "localCalendar");
    }

    /** Points this accessor at the column of a new batch; {@code null} when there is no current batch. */
    final void bind(FieldVector column) {
        this.vector = column;
        onBind(column);
    }

    /** Caches typed references to the vector (and binds child accessors); {@code column} may be null. */
    protected abstract void onBind(FieldVector column);

    /** The value at the current row, known not to be NULL, as {@code getObject()} returns it. */
    protected abstract Object readObject() throws SQLException;

    /** The value at the current row, known not to be NULL, as {@code getString()} returns it. */
    protected String readString() throws SQLException {
        return String.valueOf(readObject());
    }

    /** Whether the value at the current row is NULL; remembers the answer for {@code wasNull()}. */
    protected final boolean isNull() throws SQLException {
        FieldVector column = vector;
        if (column == null) {
            throw new SQLException("no current row: call ResultSet.next() first, and not after it returned false",
                    "24000");
        }
        boolean isNull = column.isNull(position.row);
        position.wasNull = isNull;
        return isNull;
    }

    protected final String columnName() {
        return field.getName();
    }

    protected final SQLException cannotConvert(String target) {
        return Conversions.cannotConvert(target, field.getName(), type.typeName());
    }

    private SQLException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported for column " + field.getName()
                + " (" + type.typeName() + ")", "0A000");
    }

    // --- Cursor.Accessor ------------------------------------------------------------------------------

    @Override
    public boolean wasNull() {
        return position.wasNull;
    }

    @Override
    public String getString() throws SQLException {
        return isNull() ? null : readString();
    }

    @Override
    public String getNString() throws SQLException {
        return getString();
    }

    @Override
    public Object getObject() throws SQLException {
        return isNull() ? null : readObject();
    }

    @Override
    public Object getObject(Map<String, Class<?>> map) throws SQLException {
        // Polaroid has no user-defined types, so a type map has nothing to apply to.
        return getObject();
    }

    @Override
    public boolean getBoolean() throws SQLException {
        throw cannotConvert("boolean");
    }

    @Override
    public byte getByte() throws SQLException {
        throw cannotConvert("byte");
    }

    @Override
    public short getShort() throws SQLException {
        throw cannotConvert("short");
    }

    @Override
    public int getInt() throws SQLException {
        throw cannotConvert("int");
    }

    @Override
    public long getLong() throws SQLException {
        throw cannotConvert("long");
    }

    @Override
    public float getFloat() throws SQLException {
        throw cannotConvert("float");
    }

    @Override
    public double getDouble() throws SQLException {
        throw cannotConvert("double");
    }

    @Override
    public BigDecimal getBigDecimal() throws SQLException {
        throw cannotConvert("BigDecimal");
    }

    @Override
    public BigDecimal getBigDecimal(int scale) throws SQLException {
        BigDecimal value = getBigDecimal();
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes() throws SQLException {
        throw cannotConvert("byte[]");
    }

    @Override
    public Date getDate(Calendar calendar) throws SQLException {
        throw cannotConvert("java.sql.Date");
    }

    @Override
    public Time getTime(Calendar calendar) throws SQLException {
        throw cannotConvert("java.sql.Time");
    }

    @Override
    public Timestamp getTimestamp(Calendar calendar) throws SQLException {
        throw cannotConvert("java.sql.Timestamp");
    }

    @Override
    public Array getArray() throws SQLException {
        throw cannotConvert("java.sql.Array");
    }

    @Override
    public Struct getStruct() throws SQLException {
        throw cannotConvert("java.sql.Struct");
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        String text = getString();
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public InputStream getUnicodeStream() throws SQLException {
        String text = getString();
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        byte[] bytes = getBytes();
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        String text = getString();
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream() throws SQLException {
        return getCharacterStream();
    }

    @Override
    public URL getURL() throws SQLException {
        throw unsupported("getURL");
    }

    @Override
    public Ref getRef() throws SQLException {
        throw unsupported("getRef");
    }

    @Override
    public Blob getBlob() throws SQLException {
        throw unsupported("getBlob");
    }

    @Override
    public Clob getClob() throws SQLException {
        throw unsupported("getClob");
    }

    @Override
    public NClob getNClob() throws SQLException {
        throw unsupported("getNClob");
    }

    @Override
    public SQLXML getSQLXML() throws SQLException {
        throw unsupported("getSQLXML");
    }

    @Override
    public UByte getUByte() throws SQLException {
        throw unsupported("getUByte");
    }

    @Override
    public UShort getUShort() throws SQLException {
        throw unsupported("getUShort");
    }

    @Override
    public UInteger getUInt() throws SQLException {
        throw unsupported("getUInt");
    }

    @Override
    public ULong getULong() throws SQLException {
        throw unsupported("getULong");
    }

    // --- java.time values: date/time accessors override what they can answer -----------------------

    protected LocalDate readLocalDate() throws SQLException {
        throw cannotConvert("LocalDate");
    }

    protected LocalTime readLocalTime() throws SQLException {
        throw cannotConvert("LocalTime");
    }

    protected LocalDateTime readLocalDateTime() throws SQLException {
        throw cannotConvert("LocalDateTime");
    }

    protected OffsetDateTime readOffsetDateTime() throws SQLException {
        throw cannotConvert("OffsetDateTime");
    }

    protected Instant readInstant() throws SQLException {
        return readOffsetDateTime().toInstant();
    }

    protected ZonedDateTime readZonedDateTime() throws SQLException {
        return readOffsetDateTime().toZonedDateTime();
    }

    protected OffsetTime readOffsetTime() throws SQLException {
        return readOffsetDateTime().toOffsetTime();
    }

    /** {@code getObject(i, Map.class)} and similar container conversions of nested accessors. */
    protected Object readAs(Class<?> target) throws SQLException {
        throw cannotConvert(target.getName());
    }

    /**
     * JDBC 4.1 {@code getObject(i, Class)}: the value converted to {@code target}, or {@code null} for a
     * NULL value whatever the target.
     */
    @Override
    public <T> T getObject(Class<T> target) throws SQLException {
        Objects.requireNonNull(target, "type");
        if (isNull()) {
            return null;
        }
        return target.cast(convertTo(target));
    }

    private Object convertTo(Class<?> target) throws SQLException {
        if (target == String.class) {
            return readString();
        }
        if (target == Object.class) {
            return readObject();
        }
        if (target == Boolean.class) {
            return getBoolean();
        }
        if (target == Integer.class) {
            return getInt();
        }
        if (target == Long.class) {
            return getLong();
        }
        if (target == Short.class) {
            return getShort();
        }
        if (target == Byte.class) {
            return getByte();
        }
        if (target == Double.class) {
            return getDouble();
        }
        if (target == Float.class) {
            return getFloat();
        }
        if (target == BigDecimal.class) {
            return getBigDecimal();
        }
        if (target == BigInteger.class) {
            return Conversions.toBigInteger(getBigDecimal());
        }
        if (target == byte[].class) {
            return getBytes();
        }
        if (target == LocalDate.class) {
            return readLocalDate();
        }
        if (target == LocalTime.class) {
            return readLocalTime();
        }
        if (target == LocalDateTime.class) {
            return readLocalDateTime();
        }
        if (target == OffsetDateTime.class) {
            return readOffsetDateTime();
        }
        if (target == Instant.class) {
            return readInstant();
        }
        if (target == ZonedDateTime.class) {
            return readZonedDateTime();
        }
        if (target == OffsetTime.class) {
            return readOffsetTime();
        }
        if (target == Date.class) {
            return getDate(localCalendar);
        }
        if (target == Time.class) {
            return getTime(localCalendar);
        }
        if (target == Timestamp.class || target == java.util.Date.class) {
            return getTimestamp(localCalendar);
        }
        if (target == Array.class) {
            return getArray();
        }
        if (target == Struct.class) {
            return getStruct();
        }
        Object natural = readObject();
        if (target.isInstance(natural)) {
            return natural;
        }
        return readAs(target);
    }
}
