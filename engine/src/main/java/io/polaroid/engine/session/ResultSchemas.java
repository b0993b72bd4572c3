package io.polaroid.engine.session;

import io.polaroid.engine.sql.PolaroidTypeSystem;
import io.polaroid.engine.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Result schemas of the engine's own listings (SHOW DATASETS, EXPLAIN), with column metadata. */
final class ResultSchemas {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl(PolaroidTypeSystem.INSTANCE);

    private ResultSchemas() {
    }

    static Schema varchar(String... names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(field(name, SqlTypeName.VARCHAR));
        }
        return new Schema(fields);
    }

    static Field field(String name, SqlTypeName typeName) {
        RelDataType type = TYPES.createTypeWithNullability(TYPES.createSqlType(typeName), false);
        return SqlTypes.toArrowField(name, type, SqlTypes.columnMetadata(type, null));
    }
}
