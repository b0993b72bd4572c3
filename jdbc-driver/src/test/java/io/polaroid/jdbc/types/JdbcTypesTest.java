package io.polaroid.jdbc.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.polaroid.engine.api.ColumnMetadata;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class JdbcTypesTest {

    private static JdbcType of(ArrowType type, Field... children) {
        return JdbcTypes.of(new Field("c", FieldType.nullable(type), List.of(children)));
    }

    @Test
    void scalarTypesMapAsTheBriefSpells() {
        assertEquals(Types.TINYINT, of(new ArrowType.Int(8, true)).sqlType());
        assertEquals(Types.SMALLINT, of(new ArrowType.Int(16, true)).sqlType());
        assertEquals(Types.INTEGER, of(new ArrowType.Int(32, true)).sqlType());
        JdbcType bigint = of(new ArrowType.Int(64, true));
        assertEquals(Types.BIGINT, bigint.sqlType());
        assertEquals(19, bigint.precision());
        assertEquals(10, bigint.radix());
        assertEquals("REAL", of(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)).typeName());
        assertEquals(Types.DOUBLE, of(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)).sqlType());
        JdbcType decimal = of(new ArrowType.Decimal(18, 4, 128));
        assertEquals(Types.DECIMAL, decimal.sqlType());
        assertEquals(18, decimal.precision());
        assertEquals(4, decimal.scale());
        assertEquals(20, decimal.displaySize());
        assertEquals("VARCHAR", of(ArrowType.Utf8.INSTANCE).typeName());
        assertEquals(JdbcType.UNBOUNDED, of(ArrowType.Utf8.INSTANCE).precision());
        assertEquals(Types.VARBINARY, of(ArrowType.Binary.INSTANCE).sqlType());
        assertEquals(Types.BOOLEAN, of(ArrowType.Bool.INSTANCE).sqlType());
        assertEquals(Types.DATE, of(new ArrowType.Date(DateUnit.DAY)).sqlType());
        JdbcType time = of(new ArrowType.Time(TimeUnit.MICROSECOND, 64));
        assertEquals(Types.TIME, time.sqlType());
        assertEquals(15, time.precision());
        assertEquals(6, time.scale());
    }

    @Test
    void timestampsDifferByZone() {
        JdbcType local = of(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null));
        assertEquals(Types.TIMESTAMP, local.sqlType());
        assertEquals("TIMESTAMP", local.typeName());
        assertEquals(26, local.precision());
        assertEquals("java.sql.Timestamp", local.className());
        JdbcType instant = of(new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"));
        assertEquals(Types.TIMESTAMP_WITH_TIMEZONE, instant.sqlType());
        assertEquals("TIMESTAMP WITH TIME ZONE", instant.typeName());
        assertEquals("java.time.OffsetDateTime", instant.className());
    }

    @Test
    void nestedTypesAreNamedAsTheEngineNamesThem() {
        Field element = new Field("element", FieldType.nullable(new ArrowType.Int(32, true)), null);
        JdbcType array = of(ArrowType.List.INSTANCE, element);
        assertEquals(Types.ARRAY, array.sqlType());
        assertEquals("ARRAY", array.typeName());
        assertEquals("java.sql.Array", array.className());
        JdbcType row = of(ArrowType.Struct.INSTANCE, new Field("a", FieldType.nullable(ArrowType.Utf8.INSTANCE), null));
        assertEquals(Types.STRUCT, row.sqlType());
        assertEquals("STRUCT", row.typeName());
        JdbcType interval = of(new ArrowType.Interval(org.apache.arrow.vector.types.IntervalUnit.YEAR_MONTH));
        assertEquals(Types.OTHER, interval.sqlType());
        assertEquals("INTERVAL", interval.typeName());
        assertEquals("java.time.Period", interval.className());
    }

    @Test
    void engineMetadataWinsButAZeroLengthKeepsTheDerivedSize() {
        Field cast = new Field("c", new FieldType(true, ArrowType.Utf8.INSTANCE, null,
                Map.of(ColumnMetadata.TYPE_NAME, "VARCHAR", ColumnMetadata.PRECISION, "20")), null);
        assertEquals(20, JdbcTypes.of(cast).precision());
        assertEquals(20, JdbcTypes.of(cast).displaySize());
        Field unbounded = new Field("c", new FieldType(true, ArrowType.Utf8.INSTANCE, null,
                Map.of(ColumnMetadata.PRECISION, "0")), null);
        assertEquals(JdbcType.UNBOUNDED, JdbcTypes.of(unbounded).precision());
        Field named = new Field("c", new FieldType(true, new ArrowType.Int(32, true), null,
                Map.of(ColumnMetadata.TYPE_NAME, "INT4", ColumnMetadata.PRECISION, "not a number")), null);
        assertEquals("INT4", JdbcTypes.of(named).typeName());
        assertEquals(10, JdbcTypes.of(named).precision());
    }

    @Test
    void getColumnsSizesAreNullWhereTheyMeanNothing() {
        JdbcType bool = of(ArrowType.Bool.INSTANCE);
        assertEquals(1, bool.columnSize());
        assertNull(bool.decimalDigits());
        assertNull(bool.numPrecRadix());
        assertNull(of(ArrowType.Utf8.INSTANCE).decimalDigits());
        assertEquals(JdbcType.UNBOUNDED, of(ArrowType.Utf8.INSTANCE).charOctetLength());
        assertEquals(0, of(new ArrowType.Int(32, true)).decimalDigits());
        assertNull(of(new ArrowType.Int(32, true)).charOctetLength());
    }
}
