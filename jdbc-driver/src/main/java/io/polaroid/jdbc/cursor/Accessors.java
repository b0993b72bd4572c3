package io.polaroid.jdbc.cursor;

import java.util.Calendar;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** Chooses the accessor for a field from its Arrow type. */
final class Accessors {
    private Accessors() {
    }

    static ArrowAccessor create(Field field, ReadPosition position, Calendar localCalendar) {
        if (field.getDictionary() != null) {
            // A batch carries no dictionaries, so indices could not be decoded; results never use them.
            throw new IllegalArgumentException("column " + field.getName() + " is dictionary-encoded, which results "
                    + "must not be");
        }
        ArrowType type = field.getType();
        switch (type.getTypeID()) {
            case Int:
                return integer(field, (ArrowType.Int) type, position, localCalendar);
            case FloatingPoint:
                return ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.DOUBLE
                        ? new FloatingAccessor.Float8(field, position, localCalendar)
                        : new FloatingAccessor.Float4(field, position, localCalendar);
            case Decimal:
                return new DecimalAccessor(field, position, localCalendar);
            case Bool:
                return new BooleanAccessor(field, position, localCalendar);
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                return new TextAccessor(field, position, localCalendar);
            case Binary:
            case LargeBinary:
            case BinaryView:
            case FixedSizeBinary:
                return new BinaryAccessor(field, position, localCalendar);
            case Date:
                return new DateAccessor(field, position, localCalendar);
            case Time:
                return new TimeAccessor(field, position, localCalendar);
            case Timestamp:
                return ((ArrowType.Timestamp) type).getTimezone() == null
                        ? new LocalTimestampAccessor(field, position, localCalendar)
                        : new InstantTimestampAccessor(field, position, localCalendar);
            case List:
            case LargeList:
            case FixedSizeList:
                return new ListAccessor(field, position, localCalendar);
            case Struct:
                return new StructAccessor(field, position, localCalendar);
            case Map:
                return new MapAccessor(field, position, localCalendar);
            default:
                return new ObjectAccessor(field, position, localCalendar);
        }
    }

    private static ArrowAccessor integer(Field field, ArrowType.Int type, ReadPosition position, Calendar calendar) {
        boolean signed = type.getIsSigned();
        switch (type.getBitWidth()) {
            case 8:
                return signed ? new IntegerAccessor.TinyInt(field, position, calendar)
                        : new IntegerAccessor.UInt1(field, position, calendar);
            case 16:
                return signed ? new IntegerAccessor.SmallInt(field, position, calendar)
                        : new IntegerAccessor.UInt2(field, position, calendar);
            case 32:
                return signed ? new IntegerAccessor.Int(field, position, calendar)
                        : new IntegerAccessor.UInt4(field, position, calendar);
            default:
                return signed ? new IntegerAccessor.BigInt(field, position, calendar)
                        : new DecimalAccessor(field, position, calendar);
        }
    }

    /** The class named by a {@code JdbcType}, for typed element arrays; Object if it cannot be loaded. */
    static Class<?> javaClass(String className) {
        try {
            return Class.forName(className, false, Accessors.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Object.class;
        }
    }
}
