package io.polaroid.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * The type widenings Polaroid allows when one dataset's files disagree on a column's type. The reader
 * decodes a file's column straight into the widened vector, so every widening here must be lossless for
 * the values (or, for integer to double, the conventional SQL promotion).
 */
public final class ParquetTypes {
    /** Arrow's Decimal128 holds at most 38 digits. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    private ParquetTypes() {
    }

    /**
     * The common type of {@code a} and {@code b}, or empty when they cannot be merged:
     * identical types merge to themselves; integers widen to the wider integer; SINGLE and DOUBLE (and an
     * integer with a floating point) to DOUBLE; two decimals to one holding every integer digit and the
     * largest scale of both (if that fits 38 digits). Everything else is incompatible.
     */
    public static Optional<ArrowType> widen(ArrowType a, ArrowType b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            return Optional.of(a);
        }
        if (a instanceof ArrowType.Int ia && b instanceof ArrowType.Int ib) {
            if (!ia.getIsSigned() || !ib.getIsSigned()) {
                return Optional.empty();
            }
            return Optional.of(ia.getBitWidth() >= ib.getBitWidth() ? ia : ib);
        }
        if (isNumeric(a) && isNumeric(b)
                && (a instanceof ArrowType.FloatingPoint || b instanceof ArrowType.FloatingPoint)) {
            return Optional.of(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
        }
        if (a instanceof ArrowType.Decimal da && b instanceof ArrowType.Decimal db) {
            if (da.getBitWidth() != 128 || db.getBitWidth() != 128) {
                return Optional.empty();
            }
            int scale = Math.max(da.getScale(), db.getScale());
            int integerDigits = Math.max(da.getPrecision() - da.getScale(), db.getPrecision() - db.getScale());
            int precision = integerDigits + scale;
            return precision <= MAX_DECIMAL_PRECISION
                    ? Optional.of(new ArrowType.Decimal(precision, scale, 128)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The common field of {@code a} and {@code b} (same name expected by the caller): the widened type,
     * nullable if either is, and for List, Map and Struct the children merged one by one when both have the
     * same shape (same child count and names).
     */
    public static Optional<Field> widen(Field a, Field b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        boolean nullable = a.isNullable() || b.isNullable();
        ArrowType ta = a.getType();
        ArrowType tb = b.getType();
        if (isNested(ta) || isNested(tb)) {
            if (!ta.equals(tb) || a.getChildren().size() != b.getChildren().size()) {
                return Optional.empty();
            }
            List<Field> children = new ArrayList<>(a.getChildren().size());
            for (int i = 0; i < a.getChildren().size(); i++) {
                Field ca = a.getChildren().get(i);
                Field cb = b.getChildren().get(i);
                if (!ca.getName().equals(cb.getName())) {
                    return Optional.empty();
                }
                Optional<Field> merged = widen(ca, cb);
                if (merged.isEmpty()) {
                    return Optional.empty();
                }
                children.add(merged.get());
            }
            return Optional.of(new Field(a.getName(), new FieldType(nullable, ta, null, a.getMetadata()), children));
        }
        return widen(ta, tb).map(t -> new Field(a.getName(), new FieldType(nullable, t, null, a.getMetadata()), null));
    }

    /** Whether a column of {@code fileType} can be decoded into a vector of {@code targetType}. */
    public static boolean canRead(ArrowType fileType, ArrowType targetType) {
        return widen(fileType, targetType).map(targetType::equals).orElse(false);
    }

    private static boolean isNumeric(ArrowType type) {
        return type instanceof ArrowType.Int || type instanceof ArrowType.FloatingPoint;
    }

    private static boolean isNested(ArrowType type) {
        return type instanceof ArrowType.List || type instanceof ArrowType.Struct || type instanceof ArrowType.Map;
    }
}
