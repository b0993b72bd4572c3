package io.polaroid.jdbc.cursor;

import java.sql.SQLException;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * MAP columns: {@code getObject()} returns a {@link LinkedHashMap} in the order the entries are
 * stored. JDBC has no map type, so the column reports {@code Types.OTHER}.
 */
final class MapAccessor extends ArrowAccessor {
    private final ReadPosition entryPosition = new ReadPosition();
    private final ArrowAccessor keys;
    private final ArrowAccessor values;
    private MapVector maps;

    MapAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        Field entries = field.getChildren().get(0);
        this.keys = Accessors.create(entries.getChildren().get(0), entryPosition, localCalendar);
        this.values = Accessors.create(entries.getChildren().get(1), entryPosition, localCalendar);
    }

    @Override
    protected void onBind(FieldVector column) {
        maps = (MapVector) column;
        StructVector entries = maps == null ? null : (StructVector) maps.getDataVector();
        keys.bind(entries == null ? null : (FieldVector) entries.getChildByOrdinal(0));
        values.bind(entries == null ? null : (FieldVector) entries.getChildByOrdinal(1));
    }

    @Override
    protected Object readObject() throws SQLException {
        int row = position.row;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = maps.getElementStartIndex(row); i < maps.getElementEndIndex(row); i++) {
            entryPosition.row = i;
            map.put(keys.getObject(), values.getObject());
        }
        return map;
    }

    @Override
    protected String readString() throws SQLException {
        int row = position.row;
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (int i = maps.getElementStartIndex(row); i < maps.getElementEndIndex(row); i++) {
            entryPosition.row = i;
            String value = values.getString();
            text.add(keys.getString() + "=" + (value == null ? "NULL" : value));
        }
        return text.toString();
    }
}
