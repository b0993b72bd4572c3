package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.sql.PolaroidCastFunction;
import io.polaroid.engine.types.SqlTypes;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CAST} between the types the vector engine holds, and the implicit coercions the compiler inserts
 * (an integer operand of a decimal sum, say). Numeric narrowing is range-checked (22003); text that does
 * not parse fails with 22018 (numbers) or 22007 (dates and times). Digits that do not fit are rounded as
 * PostgreSQL and DuckDB round them: decimals and text half away from zero (to an integer or a smaller
 * scale), doubles to the nearest integer with ties to even ({@code rint}).
 */
final class Cast implements Evaluator {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** The conversions the vector engine runs; anything else stays in Calcite's row engine. */
    enum Conversion {
        LONG_TO_LONG, LONG_TO_DOUBLE, LONG_TO_DECIMAL, DOUBLE_TO_LONG, DOUBLE_TO_DECIMAL, DECIMAL_TO_LONG,
        DECIMAL_TO_DOUBLE, DECIMAL_TO_DECIMAL, DOUBLE_TO_DOUBLE, BYTES_TO_BYTES,
        TEXT_TO_LONG, TEXT_TO_DOUBLE, TEXT_TO_DECIMAL, TEXT_TO_DATE, TEXT_TO_TIMESTAMP, TEXT_TO_BOOLEAN,
        LONG_TO_TEXT, DATE_TO_TEXT, BOOLEAN_TO_TEXT, DECIMAL_TO_TEXT, DOUBLE_TO_TEXT, REAL_TO_TEXT,
        DATE_TO_TIMESTAMP, TIMESTAMP_TO_DATE, TIMESTAMP_TO_TIME, TIMESTAMP_TO_TIMESTAMP, BOOLEAN_TO_BOOLEAN
    }

    private final Conversion conversion;
    private final Evaluator operand;
    private final Values out;
    private final long min;
    private final long max;
    private final int precision;
    /** TIMESTAMP_TO_TIMESTAMP: micros per unit of the target precision. */
    private final long truncation;
    private final String targetName;

    private Cast(Conversion conversion, Evaluator operand, ExprKind kind, int scale, long min, long max,
                 int precision, long truncation, String targetName) {
        this.conversion = conversion;
        this.operand = operand;
        this.out = new Values(kind);
        this.out.scale = scale;
        this.min = min;
        this.max = max;
        this.precision = precision;
        this.truncation = truncation;
        this.targetName = targetName;
    }

    /** The conversion from {@code from} to {@code to}, or null when the vector engine has none. */
    static Conversion conversion(RelDataType from, RelDataType to) {
        SqlTypeName source = from.getSqlTypeName();
        SqlTypeName target = to.getSqlTypeName();
        ExprKind fromKind = ExprKind.of(from);
        ExprKind toKind = ExprKind.of(to);
        if (fromKind == null || toKind == null) {
            return null;
        }
        boolean fromInteger = isInteger(source);
        boolean toInteger = isInteger(target);
        boolean fromText = source == SqlTypeName.CHAR || source == SqlTypeName.VARCHAR;
        boolean toText = target == SqlTypeName.VARCHAR
                || target == SqlTypeName.CHAR && to.getPrecision() >= Math.max(1, from.getPrecision())
                        && fromText && source == SqlTypeName.CHAR;
        if (fromInteger && toInteger) {
            return Conversion.LONG_TO_LONG;
        }
        if (fromInteger) {
            switch (toKind) {
                case DOUBLE:
                    return Conversion.LONG_TO_DOUBLE;
                case DECIMAL:
                    return Conversion.LONG_TO_DECIMAL;
                default:
                    return toText && to.getPrecision() < 0 ? Conversion.LONG_TO_TEXT : null;
            }
        }
        boolean toPlainText = target == SqlTypeName.VARCHAR && to.getPrecision() < 0;
        if (fromKind == ExprKind.DOUBLE) {
            if (toPlainText) {
                return source == SqlTypeName.REAL ? Conversion.REAL_TO_TEXT : Conversion.DOUBLE_TO_TEXT;
            }
            return toInteger ? Conversion.DOUBLE_TO_LONG : toKind == ExprKind.DECIMAL ? Conversion.DOUBLE_TO_DECIMAL
                    : toKind == ExprKind.DOUBLE ? Conversion.DOUBLE_TO_DOUBLE : null;
        }
        if (fromKind == ExprKind.DECIMAL) {
            if (toPlainText) {
                return Conversion.DECIMAL_TO_TEXT;
            }
            return toInteger ? Conversion.DECIMAL_TO_LONG : toKind == ExprKind.DOUBLE ? Conversion.DECIMAL_TO_DOUBLE
                    : toKind == ExprKind.DECIMAL ? Conversion.DECIMAL_TO_DECIMAL : null;
        }
        if (fromText) {
            if (toText) {
                // VARCHAR(n) truncates: only run casts that cannot truncate
                return to.getPrecision() < 0 || from.getPrecision() >= 0 && to.getPrecision() >= from.getPrecision()
                        ? Conversion.BYTES_TO_BYTES : null;
            }
            if (toInteger) {
                return Conversion.TEXT_TO_LONG;
            }
            switch (target) {
                case REAL:
                case FLOAT:
                case DOUBLE:
                    return Conversion.TEXT_TO_DOUBLE;
                case DECIMAL:
                    return Conversion.TEXT_TO_DECIMAL;
                case DATE:
                    return Conversion.TEXT_TO_DATE;
                case TIMESTAMP:
                    return Conversion.TEXT_TO_TIMESTAMP;
                case BOOLEAN:
                    return Conversion.TEXT_TO_BOOLEAN;
                default:
                    return null;
            }
        }
        if ((source == SqlTypeName.BINARY || source == SqlTypeName.VARBINARY)
                && (target == SqlTypeName.VARBINARY) && to.getPrecision() < 0) {
            return Conversion.BYTES_TO_BYTES;
        }
        if (source == SqlTypeName.BOOLEAN) {
            return target == SqlTypeName.BOOLEAN ? Conversion.BOOLEAN_TO_BOOLEAN
                    : toText && to.getPrecision() < 0 ? Conversion.BOOLEAN_TO_TEXT : null;
        }
        if (source == SqlTypeName.DATE) {
            if (isTimestamp(target)) {
                return Conversion.DATE_TO_TIMESTAMP;
            }
            if (target == SqlTypeName.DATE) {
                return Conversion.LONG_TO_LONG;
            }
            return toText && to.getPrecision() < 0 ? Conversion.DATE_TO_TEXT : null;
        }
        if (isTimestamp(source)) {
            if (isTimestamp(target)) {
                return Conversion.TIMESTAMP_TO_TIMESTAMP;
            }
            return target == SqlTypeName.DATE ? Conversion.TIMESTAMP_TO_DATE
                    : target == SqlTypeName.TIME ? Conversion.TIMESTAMP_TO_TIME : null;
        }
        if (source == target && fromKind == ExprKind.LONG) {
            return Conversion.LONG_TO_LONG; // TIME, intervals: same representation
        }
        return null;
    }

    static Cast create(Conversion conversion, Evaluator operand, RelDataType from, RelDataType to) {
        long min = SqlTypes.minValue(to.getSqlTypeName());
        long max = SqlTypes.maxValue(to.getSqlTypeName());
        long truncation = 1;
        if (conversion == Conversion.TIMESTAMP_TO_TIMESTAMP && to.getPrecision() >= 0 && to.getPrecision() < 6) {
            truncation = Arithmetic.TEN_POWERS[6 - to.getPrecision()];
        }
        return new Cast(conversion, operand, ExprKind.of(to), Math.max(0, to.getScale()), min, max,
                to.getPrecision(), truncation, to.getFullTypeString());
    }

    static boolean isInteger(SqlTypeName type) {
        return type == SqlTypeName.TINYINT || type == SqlTypeName.SMALLINT || type == SqlTypeName.INTEGER
                || type == SqlTypeName.BIGINT;
    }

    private static boolean isTimestamp(SqlTypeName type) {
        return type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    @Override
    public Values evaluate(Batch batch, long[] active) {
        Values in = operand.evaluate(batch, active);
        int rows = batch.rowCount();
        out.reset(rows);
        long[] valid = out.validityFrom(in.valid);
        switch (conversion) {
            case LONG_TO_LONG:
                for (int i = 0; i < rows; i++) {
                    long v = in.longs[i];
                    if ((v < min || v > max) && matters(valid, active, i)) {
                        throw Arithmetic.outOfRange();
                    }
                    out.longs[i] = v;
                }
                break;
            case LONG_TO_DOUBLE:
                for (int i = 0; i < rows; i++) {
                    out.doubles[i] = in.longs[i];
                }
                break;
            case DOUBLE_TO_DOUBLE:
                System.arraycopy(in.doubles, 0, out.doubles, 0, rows);
                break;
            case LONG_TO_DECIMAL:
                scaleLongs(in.longs, 0, rows, valid, active);
                break;
            case DECIMAL_TO_DECIMAL:
                if (in.wide == null && in.scale <= out.scale) {
                    scaleLongs(in.longs, in.scale, rows, valid, active);
                } else {
                    toWide(in, rows, valid, active);
                }
                break;
            case DOUBLE_TO_DECIMAL:
                doublesToDecimals(in, rows, valid, active);
                break;
            case DOUBLE_TO_LONG:
                for (int i = 0; i < rows; i++) {
                    double d = Math.rint(in.doubles[i]);
                    if ((Double.isNaN(d) || d < min || d >= (double) max + 1.0) && matters(valid, active, i)) {
                        throw Arithmetic.outOfRange();
                    }
                    out.longs[i] = (long) d;
                }
                break;
            case DECIMAL_TO_LONG:
                for (int i = 0; i < rows; i++) {
                    if (!Bitmaps.isSet(valid, i)) {
                        continue;
                    }
                    BigDecimal rounded = in.decimal(i).setScale(0, RoundingMode.HALF_UP);
                    if ((rounded.compareTo(BigDecimal.valueOf(min)) < 0
                            || rounded.compareTo(BigDecimal.valueOf(max)) > 0)) {
                        if (Bitmaps.isSet(active, i)) {
                            throw Arithmetic.outOfRange();
                        }
                        continue;
                    }
                    out.longs[i] = rounded.longValue();
                }
                break;
            case DECIMAL_TO_DOUBLE:
                if (in.wide == null) {
                    double divisor = Math.pow(10, in.scale);
                    for (int i = 0; i < rows; i++) {
                        out.doubles[i] = in.longs[i] / divisor;
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        out.doubles[i] = in.wide[i].doubleValue();
                    }
                }
                break;
            case BYTES_TO_BYTES:
                System.arraycopy(in.offsets, 0, out.offsets, 0, rows + 1);
                System.arraycopy(in.bytes, 0, out.bytesCapacity(in.offsets[rows]), 0, in.offsets[rows]);
                break;
            case BOOLEAN_TO_BOOLEAN:
                System.arraycopy(in.bits, 0, out.bits, 0, Bitmaps.words(rows));
                break;
            case DATE_TO_TIMESTAMP:
                for (int i = 0; i < rows; i++) {
                    out.longs[i] = in.longs[i] * MICROS_PER_DAY;
                }
                break;
            case TIMESTAMP_TO_DATE:
                for (int i = 0; i < rows; i++) {
                    out.longs[i] = Math.floorDiv(in.longs[i], MICROS_PER_DAY);
                }
                break;
            case TIMESTAMP_TO_TIME:
                for (int i = 0; i < rows; i++) {
                    out.longs[i] = Math.floorMod(in.longs[i], MICROS_PER_DAY);
                }
                break;
            case TIMESTAMP_TO_TIMESTAMP:
                for (int i = 0; i < rows; i++) {
                    out.longs[i] = truncation == 1 ? in.longs[i] : Math.floorDiv(in.longs[i], truncation) * truncation;
                }
                break;
            default:
                textConversion(in, rows, active);
                break;
        }
        return out;
    }

    private static boolean matters(long[] valid, long[] active, int row) {
        return Bitmaps.isSet(valid, row) && Bitmaps.isSet(active, row);
    }

    /** Integers or decimals at {@code fromScale} to unscaled longs at the output scale, widening on overflow. */
    private void scaleLongs(long[] values, int fromScale, int rows, long[] valid, long[] active) {
        int shift = out.scale - fromScale;
        if (shift > 18) {
            toWideFromLongs(values, fromScale, rows, valid, active);
            return;
        }
        long factor = Arithmetic.TEN_POWERS[shift];
        long limit = precision >= 19 ? Long.MAX_VALUE : Arithmetic.TEN_POWERS[precision];
        boolean overflow = false;
        for (int i = 0; i < rows; i++) {
            long high = Math.multiplyHigh(values[i], factor);
            long scaled = values[i] * factor;
            overflow |= high != (scaled >> 63);
            if ((scaled >= limit || scaled <= -limit) && precision < 19 && matters(valid, active, i)) {
                throw Arithmetic.outOfRange();
            }
            out.longs[i] = scaled;
        }
        if (overflow) {
            toWideFromLongs(values, fromScale, rows, valid, active);
        }
    }

    private void toWideFromLongs(long[] values, int fromScale, int rows, long[] valid, long[] active) {
        BigDecimal[] wide = out.widen();
        for (int i = 0; i < rows; i++) {
            wide[i] = fitted(BigDecimal.valueOf(values[i], fromScale), valid, active, i);
        }
    }

    private void toWide(Values in, int rows, long[] valid, long[] active) {
        BigDecimal[] wide = out.widen();
        for (int i = 0; i < rows; i++) {
            if (!Bitmaps.isSet(valid, i)) {
                wide[i] = BigDecimal.ZERO;
                continue;
            }
            wide[i] = fitted(in.decimal(i), valid, active, i);
        }
    }

    /** Rounded as DuckDB rounds (see {@link PolaroidCastFunction#toDecimal}); unfit values fail if they matter. */
    private void doublesToDecimals(Values in, int rows, long[] valid, long[] active) {
        BigDecimal[] wide = out.widen();
        for (int i = 0; i < rows; i++) {
            wide[i] = BigDecimal.ZERO;
            if (!Bitmaps.isSet(valid, i)) {
                continue;
            }
            try {
                wide[i] = PolaroidCastFunction.doubleToDecimal(in.doubles[i], precision, out.scale);
            } catch (ArithmeticException e) {
                if (Bitmaps.isSet(active, i)) {
                    throw Arithmetic.outOfRange();
                }
                out.setNull(i);
            }
        }
    }

    private BigDecimal fitted(BigDecimal value, long[] valid, long[] active, int row) {
        BigDecimal scaled = value.setScale(out.scale, RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > precision - out.scale && scaled.signum() != 0
                && matters(valid, active, row)) {
            throw Arithmetic.outOfRange();
        }
        return scaled;
    }

    private void textConversion(Values in, int rows, long[] active) {
        if (out.kind == ExprKind.BYTES) {
            toText(in, rows);
            return;
        }
        for (int i = 0; i < rows; i++) {
            if (!in.isValid(i)) {
                continue;
            }
            String text = new String(in.bytes, in.offsets[i], in.length(i), StandardCharsets.UTF_8).trim();
            try {
                parseInto(text, i);
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                if (Bitmaps.isSet(active, i)) {
                    throw badText(text, e);
                }
                out.setNull(i);
            }
        }
    }

    private void parseInto(String text, int row) {
        switch (conversion) {
            case TEXT_TO_LONG: {
                long value = new BigDecimal(text).setScale(0, RoundingMode.HALF_UP).longValueExact();
                if (value < min || value > max) {
                    throw new ArithmeticException("out of range");
                }
                out.longs[row] = value;
                break;
            }
            case TEXT_TO_DOUBLE:
                out.doubles[row] = Double.parseDouble(text);
                break;
            case TEXT_TO_DECIMAL: {
                BigDecimal value = new BigDecimal(text).setScale(out.scale, RoundingMode.HALF_UP);
                if (value.precision() - value.scale() > precision - out.scale && value.signum() != 0) {
                    throw new ArithmeticException("does not fit " + targetName);
                }
                if (out.wide != null || value.unscaledValue().bitLength() >= 64) {
                    BigDecimal[] wide = out.widen();
                    for (int i = 0; i < row; i++) {
                        if (wide[i] == null) {
                            wide[i] = BigDecimal.valueOf(out.longs[i], out.scale);
                        }
                    }
                    wide[row] = value;
                } else {
                    out.longs[row] = value.unscaledValue().longValue();
                }
                break;
            }
            case TEXT_TO_DATE:
                out.longs[row] = LocalDate.parse(text).toEpochDay();
                break;
            case TEXT_TO_TIMESTAMP: {
                String iso = text.replace(' ', 'T');
                LocalDateTime time = iso.length() <= 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
                long seconds = time.toEpochSecond(ZoneOffset.UTC);
                out.longs[row] = seconds * 1_000_000L + time.getNano() / 1000;
                break;
            }
            case TEXT_TO_BOOLEAN:
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true":
                    case "t":
                    case "yes":
                    case "1":
                        Bitmaps.set(out.bits, row);
                        break;
                    case "false":
                    case "f":
                    case "no":
                    case "0":
                        Bitmaps.clear(out.bits, row);
                        break;
                    default:
                        throw new NumberFormatException("not a boolean");
                }
                break;
            default:
                throw new IllegalStateException(conversion.toString());
        }
    }

    private void toText(Values in, int rows) {
        int position = 0;
        for (int i = 0; i < rows; i++) {
            if (in.isValid(i)) {
                String text;
                switch (conversion) {
                    case LONG_TO_TEXT:
                        text = Long.toString(in.longs[i]);
                        break;
                    case DATE_TO_TEXT:
                        text = LocalDate.ofEpochDay(in.longs[i]).toString();
                        break;
                    case DECIMAL_TO_TEXT:
                        text = PolaroidCastFunction.decimalToText(in.decimal(i));
                        break;
                    case DOUBLE_TO_TEXT:
                        text = PolaroidCastFunction.doubleToText(in.doubles[i]);
                        break;
                    case REAL_TO_TEXT:
                        text = PolaroidCastFunction.realToText((float) in.doubles[i]);
                        break;
                    default:
                        text = PolaroidCastFunction.booleanToText(in.bit(i));
                        break;
                }
                byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(bytes, 0, out.bytesCapacity(position + bytes.length), position, bytes.length);
                position += bytes.length;
            }
            out.offsets[i + 1] = position;
        }
    }

    private PolaroidException badText(String text, RuntimeException cause) {
        boolean temporal = conversion == Conversion.TEXT_TO_DATE || conversion == Conversion.TEXT_TO_TIMESTAMP;
        if (cause instanceof ArithmeticException) {
            return new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value '" + text + "' is out of range for " + targetName, cause);
        }
        return new PolaroidException(temporal ? ErrorCode.INVALID_DATETIME_FORMAT
                : ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST,
                "cannot cast '" + text + "' to " + targetName, cause);
    }
}
