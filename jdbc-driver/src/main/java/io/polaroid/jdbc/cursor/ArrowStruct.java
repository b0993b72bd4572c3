package io.polaroid.jdbc.cursor;

import java.sql.Struct;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A ROW (Arrow struct) value copied out of its batch: member values in declaration order. */
final class ArrowStruct implements Struct {
    private final String typeName;
    private final List<String> names;
    private final Object[] attributes;

    ArrowStruct(String typeName, List<String> names, Object[] attributes) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.names = List.copyOf(names);
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        if (names.size() != attributes.length) {
            throw new IllegalArgumentException("names and attributes differ in length");
        }
    }

    @Override
    public String getSQLTypeName() {
        return typeName;
    }

    @Override
    public Object[] getAttributes() {
        return attributes.clone();
    }

    @Override
    public Object[] getAttributes(Map<String, Class<?>> map) {
        return getAttributes();
    }

    /** The members by name, in declaration order. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i++) {
            map.put(names.get(i), attributes[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
