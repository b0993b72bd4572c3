package io.polaroid.jdbc.cursor;

import java.sql.SQLException;
import java.util.Calendar;
import java.util.HexFormat;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/** VARBINARY and BINARY columns; {@code getString} gives lower-case hex, which never loses bytes. */
final class BinaryAccessor extends ArrowAccessor {
    private final VariableWidthBytes bytes = new VariableWidthBytes();

    BinaryAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        bytes.bind(column);
    }

    @Override
    protected Object readObject() {
        return bytes.read(position.row);
    }

    @Override
    protected String readString() {
        return HexFormat.of().formatHex(bytes.read(position.row));
    }

    @Override
    public byte[] getBytes() throws SQLException {
        return isNull() ? null : bytes.read(position.row);
    }
}
