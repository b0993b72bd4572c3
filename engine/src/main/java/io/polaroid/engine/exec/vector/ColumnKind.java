package io.polaroid.engine.exec.vector;

import java.util.Objects;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The physical families of column the hash, sort and aggregate kernels specialise on. Every kernel switches
 * on the kind once per column and then runs a loop with no per-row type dispatch.
 */
public enum ColumnKind {
    /** Bool (a bit per value). */
    BOOL,
    /**
     * Signed fixed-width integers with a natural order: Int (signed, any width), Date, Time, Timestamp and
     * Duration. Read as a sign-extended {@code long}.
     */
    LONG,
    /** FloatingPoint SINGLE or DOUBLE, read as {@code double}. */
    FLOATING,
    /** Decimal with 128-bit unscaled values (two's complement, little endian). */
    DECIMAL,
    /** Utf8 or Binary: variable-width bytes with 32-bit offsets, ordered by unsigned bytes. */
    BYTES,
    /** Anything else (nested types, intervals, view types ...): carried through, never hashed or compared. */
    OTHER;

    public static ColumnKind of(ArrowType type) {
        Objects.requireNonNull(type, "type");
        return switch (type.getTypeID()) {
            case Bool -> BOOL;
            case Int -> ((ArrowType.Int) type).getIsSigned() ? LONG : OTHER;
            case Date, Time, Timestamp, Duration -> LONG;
            case FloatingPoint -> ((ArrowType.FloatingPoint) type).getPrecision() == FloatingPointPrecision.HALF
                    ? OTHER : FLOATING;
            case Decimal -> ((ArrowType.Decimal) type).getBitWidth() == 128 ? DECIMAL : OTHER;
            case Utf8, Binary -> BYTES;
            default -> OTHER;
        };
    }

    /** Whether values of this kind can be hashed, grouped, joined on and ordered. */
    public boolean isComparable() {
        return this != OTHER;
    }

    /** Whether two key columns of these types can be matched by value (a join of INT with BIGINT, say). */
    public static boolean keysCompatible(ArrowType left, ArrowType right) {
        ColumnKind kind = of(left);
        if (kind != of(right) || kind == OTHER) {
            return false;
        }
        return switch (kind) {
            // Integers of any width compare by value; temporal types only with their own type and unit.
            case LONG -> (left instanceof ArrowType.Int && right instanceof ArrowType.Int) || left.equals(right);
            case DECIMAL -> ((ArrowType.Decimal) left).getScale() == ((ArrowType.Decimal) right).getScale();
            case BYTES -> left.getTypeID() == right.getTypeID();
            default -> true;
        };
    }
}
