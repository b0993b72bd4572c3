package io.polaroid.jdbc.cursor;

import java.sql.SQLException;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * ROW columns (Arrow struct): {@code getObject()} returns a {@link java.sql.Struct},
 * {@code getObject(i, Map.class)} the members by name.
 */
final class StructAccessor extends ArrowAccessor {
    private final ReadPosition memberPosition = new ReadPosition();
    private final List<ArrowAccessor> members = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    StructAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        for (Field member : field.getChildren()) {
            members.add(Accessors.create(member, memberPosition, localCalendar));
            names.add(member.getName());
        }
    }

    @Override
    protected void onBind(FieldVector column) {
        StructVector struct = (StructVector) column;
        for (int i = 0; i < members.size(); i++) {
            members.get(i).bind(struct == null ? null : (FieldVector) struct.getChildByOrdinal(i));
        }
    }

    private Object[] read() throws SQLException {
        memberPosition.row = position.row;
        Object[] values = new Object[members.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = members.get(i).getObject();
        }
        return values;
    }

    @Override
    protected Object readObject() throws SQLException {
        return new ArrowStruct(type.typeName(), names, read());
    }

    @Override
    protected String readString() throws SQLException {
        memberPosition.row = position.row;
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < members.size(); i++) {
            String value = members.get(i).getString();
            text.add(names.get(i) + ": " + (value == null ? "NULL" : value));
        }
        return text.toString();
    }

    @Override
    public Struct getStruct() throws SQLException {
        return isNull() ? null : (Struct) readObject();
    }

    @Override
    protected Object readAs(Class<?> target) throws SQLException {
        if (target == Map.class) {
            return new ArrowStruct(type.typeName(), names, read()).asMap();
        }
        return super.readAs(target);
    }
}
