package io.polaroid.jdbc.cursor;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * ARRAY columns (Arrow list, large list and fixed-size list): {@code getArray()} and
 * {@code getObject()} return a {@link java.sql.Array} whose elements are read by an accessor of the
 * element type, so elements convert exactly like top-level values.
 */
final class ListAccessor extends ArrowAccessor {
    private final ReadPosition elementPosition = new ReadPosition();
    private final ArrowAccessor elements;
    private final Class<?> elementClass;
    private BaseListVector lists;
    private LargeListVector largeLists;

    ListAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        Field elementField = field.getChildren().get(0);
        this.elements = Accessors.create(elementField, elementPosition, localCalendar);
        this.elementClass = Accessors.javaClass(elements.type.className());
    }

    @Override
    protected void onBind(FieldVector column) {
        lists = column instanceof BaseListVector ? (BaseListVector) column : null;
        largeLists = column instanceof LargeListVector ? (LargeListVector) column : null;
        FieldVector data = null;
        if (column != null) {
            data = (FieldVector) column.getChildrenFromFields().get(0);
        }
        elements.bind(data);
    }

    private int start(int row) {
        return lists != null ? lists.getElementStartIndex(row) : Math.toIntExact(largeLists.getElementStartIndex(row));
    }

    private int end(int row) {
        return lists != null ? lists.getElementEndIndex(row) : Math.toIntExact(largeLists.getElementEndIndex(row));
    }

    private Object[] read() throws SQLException {
        int start = start(position.row);
        int end = end(position.row);
        Object[] values = (Object[]) java.lang.reflect.Array.newInstance(elementClass, end - start);
        for (int i = start; i < end; i++) {
            elementPosition.row = i;
            values[i - start] = elements.getObject();
        }
        return values;
    }

    @Override
    protected Object readObject() throws SQLException {
        return new ArrowArray(elements.type.typeName(), elements.type.sqlType(), read());
    }

    @Override
    protected String readString() throws SQLException {
        int start = start(position.row);
        int end = end(position.row);
        StringJoiner text = new StringJoiner(", ", "[", "]");
        for (int i = start; i < end; i++) {
            elementPosition.row = i;
            String element = elements.getString();
            text.add(element == null ? "NULL" : element);
        }
        return text.toString();
    }

    @Override
    public Array getArray() throws SQLException {
        return isNull() ? null : (Array) readObject();
    }

    @Override
    protected Object readAs(Class<?> target) throws SQLException {
        if (target == List.class) {
            return Arrays.asList(read());
        }
        if (target.isArray() && target.getComponentType().isAssignableFrom(elementClass)) {
            return read();
        }
        return super.readAs(target);
    }
}
