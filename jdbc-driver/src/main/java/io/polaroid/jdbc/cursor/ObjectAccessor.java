package io.polaroid.jdbc.cursor;

import java.util.Calendar;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Columns of types with no JDBC counterpart (intervals, durations, unions, NULL): {@code getObject}
 * returns what Arrow itself makes of the value ({@code java.time.Period}, {@code Duration}, ...) and
 * {@code getString} its text.
 */
final class ObjectAccessor extends ArrowAccessor {
    private FieldVector column;

    ObjectAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        this.column = column;
    }

    @Override
    protected Object readObject() {
        return column.getObject(position.row);
    }
}
