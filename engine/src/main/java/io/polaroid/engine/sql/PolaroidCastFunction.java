package io.polaroid.engine.sql;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The casts whose result Calcite's row engine gets wrong or spells differently from DuckDB and
 * PostgreSQL, with the one implementation both of our engines use:
 * <ul>
 *   <li>double → DECIMAL(p, s): the double times {@code 10^s}, in double arithmetic, rounded half away
 *       from zero, as DuckDB does: {@code 106.715e0} becomes 106.72 and {@code 130.765e0} (really
 *       130.76499999...) becomes 130.76. Calcite rounds the double's shortest decimal spelling instead
 *       (and truncated before our type system asked for rounding);</li>
 *   <li>DECIMAL → text: plain digits with the type's scale ({@code 0.00}); Calcite drops the leading zero
 *       ({@code .00});</li>
 *   <li>double/real → text: the shortest digits that read back as the same value, in positional notation
 *       with at least one fractional digit ({@code 100.0}, {@code 0.0001}) unless the exponent is below -4
 *       or at least 16 ({@code 1e-05}, {@code 1e+16}), and {@code nan}, {@code inf}, {@code -inf}, as
 *       DuckDB (and Python) print them; Calcite prints {@code 1.0E20};</li>
 *   <li>double → integer: rounded to the nearest integer, ties to even, as DuckDB and PostgreSQL do;
 *       Calcite truncates;</li>
 *   <li>BOOLEAN → text: {@code true}/{@code false}, as PostgreSQL and DuckDB spell them.</li>
 * </ul>
 * The SQL-to-relational conversion replaces every such cast (explicit or inserted by type coercion) by a
 * call of this function ({@link PolaroidConvertletTable}). It is not in the operator table: users write
 * {@code CAST}.
 */
public final class PolaroidCastFunction extends SqlUserDefinedFunction {
    public static final PolaroidCastFunction INSTANCE = new PolaroidCastFunction();
    /** 10^0 .. 10^22, each exact as a double. */
    private static final double[] DOUBLE_TEN_POWERS = new double[23];
    /** Doubles below this magnitude hold every integer exactly. */
    private static final double EXACT_INTEGERS = 0x1p53;

    static {
        double power = 1;
        for (int i = 0; i < DOUBLE_TEN_POWERS.length; i++) {
            DOUBLE_TEN_POWERS[i] = power;
            power *= 10;
        }
    }

    private PolaroidCastFunction() {
        super(new SqlIdentifier("CAST", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, null,
                new RowEngineFunction(SqlTypeName.ANY, Implementation::implement));
    }

    /** Whether a cast from {@code from} to {@code to} is one this function replaces. */
    public static boolean replaces(RelDataType from, RelDataType to) {
        return method(from, to) != null;
    }

    /** {@code CAST(value AS type)} as a call of this function. */
    static RexNode call(RexBuilder rexBuilder, RelDataType type, RexNode value) {
        return rexBuilder.makeCall(type, INSTANCE, List.of(value));
    }

    private static String method(RelDataType from, RelDataType to) {
        SqlTypeName target = to.getSqlTypeName();
        boolean toText = target == SqlTypeName.VARCHAR && to.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED;
        switch (from.getSqlTypeName()) {
            case REAL:
            case FLOAT:
            case DOUBLE:
                if (SqlTypeName.INT_TYPES.contains(target)) {
                    return "doubleToInteger";
                }
                if (toText) {
                    return from.getSqlTypeName() == SqlTypeName.REAL ? "realToText" : "doubleToText";
                }
                return target == SqlTypeName.DECIMAL ? "doubleToDecimal" : null;
            case DECIMAL:
                return toText ? "decimalToText" : null;
            case BOOLEAN:
                return toText ? "booleanToText" : null;
            default:
                return null;
        }
    }

    /**
     * {@code value} rounded half away from zero to {@code scale} digits; fails with an
     * {@link ArithmeticException} (22003) when it does not fit {@code precision} digits or is not finite.
     */
    public static BigDecimal doubleToDecimal(double value, int precision, int scale) {
        BigDecimal result;
        double scaled = scale < DOUBLE_TEN_POWERS.length ? value * DOUBLE_TEN_POWERS[scale] : Double.NaN;
        if (Double.isFinite(value) && Math.abs(scaled) < EXACT_INTEGERS) {
            double magnitude = Math.abs(scaled);
            double whole = Math.floor(magnitude);
            // magnitude - whole is exact below 2^53, so ties are seen as ties
            double rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
            result = BigDecimal.valueOf((long) Math.copySign(rounded, scaled), scale);
        } else if (Double.isFinite(value)) {
            result = new BigDecimal(value).setScale(scale, RoundingMode.HALF_UP);
        } else {
            throw new ArithmeticException("Value " + value + " cannot be represented as a DECIMAL("
                    + precision + ", " + scale + ")");
        }
        if (result.signum() != 0 && result.precision() - result.scale() > precision - scale) {
            throw new ArithmeticException("Value " + value + " cannot be represented as a DECIMAL("
                    + precision + ", " + scale + ")");
        }
        return result;
    }

    /**
     * {@code value} rounded to the nearest integer, ties to even (C's {@code rint}, as DuckDB and
     * PostgreSQL round doubles); fails with an {@link ArithmeticException} (22003) outside {@code [min, max]}.
     * Calcite's row engine truncates instead.
     */
    public static long doubleToInteger(double value, long min, long max) {
        double rounded = Math.rint(value);
        if (Double.isNaN(rounded) || rounded < min || rounded >= (double) max + 1.0) {
            throw new ArithmeticException("Value " + value + " out of range");
        }
        return (long) rounded;
    }

    public static String decimalToText(BigDecimal value) {
        return value.toPlainString();
    }

    public static String booleanToText(boolean value) {
        return value ? "true" : "false";
    }

    public static String doubleToText(double value) {
        return Double.isFinite(value) ? shortestText(Double.toString(value)) : nonFinite(value);
    }

    public static String realToText(float value) {
        return Float.isFinite(value) ? shortestText(Float.toString(value)) : nonFinite(value);
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }

    /** Java's shortest round-trip digits, laid out as DuckDB lays them out. */
    private static String shortestText(String javaText) {
        BigDecimal digits = new BigDecimal(javaText);
        boolean negative = javaText.charAt(0) == '-';
        if (digits.signum() == 0) {
            return negative ? "-0.0" : "0.0";
        }
        digits = digits.stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String unscaled = digits.unscaledValue().abs().toString();
            StringBuilder text = new StringBuilder(unscaled.length() + 8);
            if (negative) {
                text.append('-');
            }
            text.append(unscaled.charAt(0));
            if (unscaled.length() > 1) {
                text.append('.').append(unscaled, 1, unscaled.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                text.append('0');
            }
            return text.append(magnitude).toString();
        }
        String plain = digits.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** The row-engine implementation: a call of the static method for the operand and result types. */
    /** The row-engine implementation: the Java expression for one call. */
    private static final class Implementation {
        private Implementation() {
        }

        private static Expression implement(org.apache.calcite.adapter.enumerable.RexToLixTranslator translator,
                                            RexCall call, List<Expression> operands) {
            RelDataType from = call.getOperands().get(0).getType();
            RelDataType to = call.getType();
            String name = PolaroidCastFunction.method(from, to);
            try {
                if (name.equals("doubleToInteger")) {
                    return doubleToInteger(operands.get(0), to);
                }
                switch (from.getSqlTypeName()) {
                    case BOOLEAN:
                        return Expressions.call(reflect(name, boolean.class),
                                Expressions.convert_(operands.get(0), boolean.class));
                    case DECIMAL:
                        return Expressions.call(reflect(name, BigDecimal.class), operands.get(0));
                    case REAL:
                        if (name.equals("realToText")) {
                            return Expressions.call(reflect(name, float.class),
                                    Expressions.convert_(operands.get(0), float.class));
                        }
                        return doubleToDecimal(operands.get(0), to);
                    default:
                        if (name.equals("doubleToText")) {
                            return Expressions.call(reflect(name, double.class),
                                    Expressions.convert_(operands.get(0), double.class));
                        }
                        return doubleToDecimal(operands.get(0), to);
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("PolaroidCastFunction." + name + " is missing", e);
            }
        }

        private static Expression doubleToInteger(Expression operand, RelDataType to) throws NoSuchMethodException {
            SqlTypeName target = to.getSqlTypeName();
            Class<?> type = target == SqlTypeName.TINYINT ? byte.class : target == SqlTypeName.SMALLINT ? short.class
                    : target == SqlTypeName.INTEGER ? int.class : long.class;
            Expression rounded = Expressions.call(reflect("doubleToInteger", double.class, long.class, long.class),
                    Expressions.convert_(operand, double.class),
                    Expressions.constant(io.polaroid.engine.types.SqlTypes.minValue(target)),
                    Expressions.constant(io.polaroid.engine.types.SqlTypes.maxValue(target)));
            return Expressions.convert_(rounded, type);
        }

        private static Expression doubleToDecimal(Expression operand, RelDataType to) throws NoSuchMethodException {
            return Expressions.call(reflect("doubleToDecimal", double.class, int.class, int.class),
                    Expressions.convert_(operand, double.class), Expressions.constant(to.getPrecision()),
                    Expressions.constant(to.getScale()));
        }

        private static Method reflect(String name, Class<?>... parameters) throws NoSuchMethodException {
            return PolaroidCastFunction.class.getMethod(name, parameters);
        }
    }
}
