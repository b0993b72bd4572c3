package io.polaroid.engine.expr;

import io.polaroid.engine.sql.PolaroidTypeSystem;
import io.polaroid.engine.sql.PolaroidCastFunction;
import io.polaroid.engine.sql.TimeBucketFunction;
import io.polaroid.engine.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.Sarg;

/**
 * Compiles Calcite row expressions ({@link RexNode}) into column-at-a-time {@link Evaluator}s. The
 * planner's vector rules call {@link #supports} and leave any node with an expression this compiler
 * cannot run to Calcite's row engine. What runs here: input columns, literals, parameters, arithmetic,
 * comparisons, AND/OR/NOT, IS [NOT] NULL/TRUE/FALSE, CASE (and so COALESCE/NULLIF), CAST between numbers,
 * strings, dates and timestamps, LIKE/ILIKE, IN/SEARCH, UPPER, LOWER, SUBSTRING, ||, CHAR_LENGTH, TRIM,
 * EXTRACT, FLOOR/CEIL (numbers and time units), date_trunc, time_bucket, date/time ± interval, ABS, ROUND,
 * SQRT, LN, EXP, LOG10, POWER.
 */
public final class ExprCompiler {
    private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl(PolaroidTypeSystem.INSTANCE);
    private static final RexBuilder REX_BUILDER = new RexBuilder(TYPES);

    private ExprCompiler() {
    }

    /** Signals an expression the vector engine does not run. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    /** Whether {@link #compile} accepts {@code node}. */
    public static boolean supports(RexNode node) {
        try {
            node(node);
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    /** Whether every expression is supported. */
    public static boolean supportsAll(List<? extends RexNode> nodes) {
        for (RexNode node : nodes) {
            if (!supports(node)) {
                return false;
            }
        }
        return true;
    }

    public static CompiledExpression compile(RexNode node) {
        try {
            return new CompiledExpression(node.getType(), node(node));
        } catch (Unsupported e) {
            throw new IllegalArgumentException("the vector engine cannot evaluate " + node + ": " + e.getMessage());
        }
    }

    private static ExprKind kind(RelDataType type) {
        ExprKind kind = ExprKind.of(type);
        if (kind == null) {
            throw new Unsupported("type " + type);
        }
        return kind;
    }

    private static int scale(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.DECIMAL ? Math.max(0, type.getScale()) : 0;
    }

    private static CompiledExpression.Binder node(RexNode node) {
        if (node instanceof RexInputRef) {
            int index = ((RexInputRef) node).getIndex();
            ExprKind kind = kind(node.getType());
            return env -> new InputColumn(index, kind);
        }
        if (node instanceof RexLiteral) {
            RexLiteral literal = (RexLiteral) node;
            ExprKind kind = kind(node.getType());
            Object value;
            try {
                value = Literals.value(literal, node.getType());
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new Unsupported("literal " + literal);
            }
            int scale = scale(node.getType());
            return env -> new Constant(kind, scale, value);
        }
        if (node instanceof RexDynamicParam) {
            int index = ((RexDynamicParam) node).getIndex();
            ExprKind kind = kind(node.getType());
            int scale = scale(node.getType());
            return env -> new Constant(kind, scale, Literals.parameter(env.parameters().vectorValue(index)));
        }
        if (node instanceof RexCall) {
            CompiledExpression.Binder binder = call((RexCall) node);
            if (literalsOnly(node)) {
                ExprKind kind = kind(node.getType());
                int scale = scale(node.getType());
                return env -> new FoldedConstant(binder.bind(env), kind, scale);
            }
            return binder;
        }
        throw new Unsupported(node.getClass().getSimpleName());
    }

    /** Whether {@code node} is a deterministic call over literals (no columns, no parameters). */
    static boolean literalsOnly(RexNode node) {
        if (node instanceof RexLiteral) {
            return true;
        }
        if (!(node instanceof RexCall) || !((RexCall) node).getOperator().isDeterministic()) {
            return false;
        }
        for (RexNode operand : ((RexCall) node).getOperands()) {
            if (!literalsOnly(operand)) {
                return false;
            }
        }
        return true;
    }

    private static List<CompiledExpression.Binder> nodes(List<RexNode> operands) {
        List<CompiledExpression.Binder> binders = new ArrayList<>(operands.size());
        for (RexNode operand : operands) {
            binders.add(node(operand));
        }
        return binders;
    }

    private static List<Evaluator> bindAll(List<CompiledExpression.Binder> binders, ExprEnv env) {
        List<Evaluator> evaluators = new ArrayList<>(binders.size());
        for (CompiledExpression.Binder binder : binders) {
            evaluators.add(binder.bind(env));
        }
        return evaluators;
    }

    private static CompiledExpression.Binder call(RexCall call) {
        List<RexNode> operands = call.getOperands();
        RelDataType type = call.getType();
        switch (call.getKind()) {
            case PLUS:
            case MINUS:
            case TIMES:
            case DIVIDE:
            case MOD:
                return arithmetic(call);
            case MINUS_PREFIX: {
                CompiledExpression.Binder operand = coerce(operands.get(0), type);
                ExprKind kind = kind(type);
                int scale = scale(type);
                long min = integerMin(type);
                return env -> new Arithmetic.Negate(operand.bind(env), kind, scale, min);
            }
            case PLUS_PREFIX:
                return coerce(operands.get(0), type);
            case EQUALS:
                return comparison(Comparison.Op.EQ, operands);
            case NOT_EQUALS:
                return comparison(Comparison.Op.NE, operands);
            case LESS_THAN:
                return comparison(Comparison.Op.LT, operands);
            case LESS_THAN_OR_EQUAL:
                return comparison(Comparison.Op.LE, operands);
            case GREATER_THAN:
                return comparison(Comparison.Op.GT, operands);
            case GREATER_THAN_OR_EQUAL:
                return comparison(Comparison.Op.GE, operands);
            case IS_DISTINCT_FROM:
                return comparison(Comparison.Op.DISTINCT, operands);
            case IS_NOT_DISTINCT_FROM:
                return comparison(Comparison.Op.NOT_DISTINCT, operands);
            case AND:
            case OR: {
                List<CompiledExpression.Binder> binders = nodes(operands);
                boolean and = call.getKind() == SqlKind.AND;
                return env -> new Logic.Junction(and, bindAll(binders, env));
            }
            case NOT: {
                CompiledExpression.Binder operand = node(operands.get(0));
                return env -> new Logic.Not(operand.bind(env));
            }
            case IS_NULL:
                return test(Logic.Test.Kind.IS_NULL, operands.get(0));
            case IS_NOT_NULL:
                return test(Logic.Test.Kind.IS_NOT_NULL, operands.get(0));
            case IS_TRUE:
                return test(Logic.Test.Kind.IS_TRUE, operands.get(0));
            case IS_NOT_TRUE:
                return test(Logic.Test.Kind.IS_NOT_TRUE, operands.get(0));
            case IS_FALSE:
                return test(Logic.Test.Kind.IS_FALSE, operands.get(0));
            case IS_NOT_FALSE:
                return test(Logic.Test.Kind.IS_NOT_FALSE, operands.get(0));
            case CASE:
                return caseWhen(call);
            case COALESCE:
            case NULLIF:
                throw new Unsupported(call.getKind() + " (expected as CASE)");
            case CAST:
                return cast(operands.get(0), type);
            case LIKE:
                return like(call);
            case SEARCH:
                return search(call);
            case TRIM:
                return trim(call);
            case EXTRACT:
                return extract(call);
            case FLOOR:
            case CEIL:
                return floorCeil(call);
            case OTHER_FUNCTION:
            case OTHER:
                return function(call);
            default:
                return function(call);
        }
    }

    // ---- arithmetic ----

    private static CompiledExpression.Binder arithmetic(RexCall call) {
        RelDataType type = call.getType();
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        boolean leftTime = isDateTime(left.getType());
        boolean rightTime = isDateTime(right.getType());
        if (leftTime || rightTime) {
            return dateTimeArithmetic(call, leftTime ? left : right, leftTime ? right : left, !leftTime);
        }
        if (isInterval(type)) {
            throw new Unsupported("interval arithmetic");
        }
        Arithmetic.Op op = Arithmetic.Op.valueOf(call.getKind() == SqlKind.MOD ? "MOD" : call.getKind().name());
        ExprKind kind = kind(type);
        int scale = scale(type);
        int precision = type.getPrecision();
        CompiledExpression.Binder a;
        CompiledExpression.Binder b;
        switch (kind) {
            case LONG:
                if (!Cast.isInteger(left.getType().getSqlTypeName())
                        || !Cast.isInteger(right.getType().getSqlTypeName())) {
                    throw new Unsupported("integer arithmetic on " + left.getType() + ", " + right.getType());
                }
                a = node(left);
                b = node(right);
                break;
            case DOUBLE:
                a = coerce(left, TYPES.createSqlType(SqlTypeName.DOUBLE));
                b = coerce(right, TYPES.createSqlType(SqlTypeName.DOUBLE));
                break;
            case DECIMAL:
                if (op == Arithmetic.Op.PLUS || op == Arithmetic.Op.MINUS) {
                    RelDataType aligned = TYPES.createSqlType(SqlTypeName.DECIMAL, 38, scale);
                    a = coerce(left, aligned);
                    b = coerce(right, aligned);
                } else {
                    a = coerce(left, asDecimal(left.getType()));
                    b = coerce(right, asDecimal(right.getType()));
                }
                break;
            default:
                throw new Unsupported("arithmetic on " + type);
        }
        long min = integerMin(type);
        long max = integerMax(type);
        return env -> new Arithmetic(op, a.bind(env), b.bind(env), kind, min, max, scale, precision);
    }

    private static CompiledExpression.Binder dateTimeArithmetic(RexCall call, RexNode point, RexNode amount,
                                                                boolean amountFirst) {
        if (!isInterval(amount.getType()) || call.getKind() != SqlKind.PLUS && call.getKind() != SqlKind.MINUS
                || amountFirst && call.getKind() == SqlKind.MINUS) {
            throw new Unsupported("date/time arithmetic " + call);
        }
        SqlTypeName pointType = point.getType().getSqlTypeName();
        if (pointType == SqlTypeName.TIME) {
            throw new Unsupported("TIME arithmetic");
        }
        boolean months = amount.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
        boolean isDate = pointType == SqlTypeName.DATE;
        boolean minus = call.getKind() == SqlKind.MINUS;
        if (call.getType().getSqlTypeName() != pointType) {
            throw new Unsupported("date/time arithmetic changing the type");
        }
        CompiledExpression.Binder value = node(point);
        CompiledExpression.Binder interval = node(amount);
        return env -> new Temporal.PlusInterval(months, isDate, minus, value.bind(env), interval.bind(env));
    }

    private static RelDataType asDecimal(RelDataType type) {
        if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return type;
        }
        if (Cast.isInteger(type.getSqlTypeName())) {
            return TYPES.createSqlType(SqlTypeName.DECIMAL, 19, 0);
        }
        throw new Unsupported("decimal arithmetic with " + type);
    }

    private static long integerMin(RelDataType type) {
        return SqlTypes.minValue(type.getSqlTypeName());
    }

    private static long integerMax(RelDataType type) {
        return SqlTypes.maxValue(type.getSqlTypeName());
    }

    private static boolean isDateTime(RelDataType type) {
        SqlTypeName name = type.getSqlTypeName();
        return name == SqlTypeName.DATE || name == SqlTypeName.TIME || name == SqlTypeName.TIMESTAMP
                || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static boolean isInterval(RelDataType type) {
        SqlTypeFamily family = type.getSqlTypeName().getFamily();
        return family == SqlTypeFamily.INTERVAL_DAY_TIME || family == SqlTypeFamily.INTERVAL_YEAR_MONTH;
    }

    // ---- comparisons and logic ----

    private static CompiledExpression.Binder comparison(Comparison.Op op, List<RexNode> operands) {
        RexNode left = operands.get(0);
        RexNode right = operands.get(1);
        RelDataType common = commonType(left.getType(), right.getType());
        CompiledExpression.Binder a = coerce(left, common);
        CompiledExpression.Binder b = coerce(right, common);
        CompiledExpression.Binder general = env -> new Comparison(op, a.bind(env), b.bind(env));
        CompiledExpression.Binder onColumn = ColumnRanges.compile(op, left, right, general);
        return onColumn != null ? onColumn : general;
    }

    /** The type two operands are compared (or combined) in. */
    private static RelDataType commonType(RelDataType a, RelDataType b) {
        ExprKind ka = kind(a);
        ExprKind kb = kind(b);
        SqlTypeName na = a.getSqlTypeName();
        SqlTypeName nb = b.getSqlTypeName();
        if (isDateTime(a) || isDateTime(b) || isInterval(a) || isInterval(b)) {
            if (na == nb || isTimestamp(na) && isTimestamp(nb)) {
                return a;
            }
            if (na == SqlTypeName.DATE && isTimestamp(nb)) {
                return b;
            }
            if (nb == SqlTypeName.DATE && isTimestamp(na)) {
                return a;
            }
            throw new Unsupported("comparing " + a + " with " + b);
        }
        if (ka == kb && ka != ExprKind.DECIMAL) {
            if (ka == ExprKind.LONG && !(Cast.isInteger(na) && Cast.isInteger(nb))) {
                throw new Unsupported("comparing " + a + " with " + b);
            }
            return a;
        }
        if (ka == ExprKind.DOUBLE || kb == ExprKind.DOUBLE) {
            if (ka == ExprKind.BYTES || kb == ExprKind.BYTES || ka == ExprKind.BOOLEAN || kb == ExprKind.BOOLEAN) {
                throw new Unsupported("comparing " + a + " with " + b);
            }
            return TYPES.createSqlType(SqlTypeName.DOUBLE);
        }
        if (ka == ExprKind.DECIMAL || kb == ExprKind.DECIMAL) {
            if (ka == ExprKind.BYTES || kb == ExprKind.BYTES || ka == ExprKind.BOOLEAN || kb == ExprKind.BOOLEAN) {
                throw new Unsupported("comparing " + a + " with " + b);
            }
            int scale = Math.max(scale(a), scale(b));
            return TYPES.createSqlType(SqlTypeName.DECIMAL, 38, scale);
        }
        throw new Unsupported("comparing " + a + " with " + b);
    }

    private static boolean isTimestamp(SqlTypeName name) {
        return name == SqlTypeName.TIMESTAMP || name == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private static CompiledExpression.Binder test(Logic.Test.Kind kind, RexNode operand) {
        CompiledExpression.Binder binder = node(operand);
        return env -> new Logic.Test(kind, binder.bind(env));
    }

    private static CompiledExpression.Binder caseWhen(RexCall call) {
        List<RexNode> operands = call.getOperands();
        RelDataType type = call.getType();
        ExprKind kind = kind(type);
        int scale = scale(type);
        List<CompiledExpression.Binder> conditions = new ArrayList<>();
        List<CompiledExpression.Binder> values = new ArrayList<>();
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            conditions.add(node(operands.get(i)));
            values.add(coerce(operands.get(i + 1), type));
        }
        CompiledExpression.Binder otherwise = coerce(operands.get(operands.size() - 1), type);
        return env -> new CaseWhen(bindAll(conditions, env), bindAll(values, env), otherwise.bind(env), kind, scale);
    }

    // ---- casts and coercions ----

    private static CompiledExpression.Binder cast(RexNode operand, RelDataType to) {
        RelDataType from = operand.getType();
        if (from.getSqlTypeName() == SqlTypeName.NULL) {
            ExprKind kind = kind(to);
            int scale = scale(to);
            return env -> new Constant(kind, scale, null);
        }
        if (sameRepresentation(from, to)) {
            return node(operand);
        }
        Cast.Conversion conversion = Cast.conversion(from, to);
        if (conversion == null) {
            throw new Unsupported("CAST from " + from + " to " + to);
        }
        CompiledExpression.Binder binder = node(operand);
        return env -> Cast.create(conversion, binder.bind(env), from, to);
    }

    /** {@code operand} as a value of {@code type} (a no-op when the representation is the same). */
    private static CompiledExpression.Binder coerce(RexNode operand, RelDataType type) {
        if (operand instanceof RexLiteral && ((RexLiteral) operand).isNull()) {
            ExprKind kind = kind(type);
            int scale = scale(type);
            return env -> new Constant(kind, scale, null);
        }
        return cast(operand, type);
    }

    private static boolean sameRepresentation(RelDataType from, RelDataType to) {
        SqlTypeName a = from.getSqlTypeName();
        SqlTypeName b = to.getSqlTypeName();
        if (a == b) {
            switch (a) {
                case DECIMAL:
                    return from.getScale() == to.getScale() && from.getPrecision() <= to.getPrecision();
                case CHAR:
                    return from.getPrecision() == to.getPrecision();
                case VARCHAR:
                case VARBINARY:
                    return to.getPrecision() < 0 || from.getPrecision() >= 0 && from.getPrecision() <= to.getPrecision();
                case TIMESTAMP:
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                case TIME:
                    return from.getPrecision() <= to.getPrecision();
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                case BIGINT:
                case BOOLEAN:
                case DOUBLE:
                case REAL:
                case FLOAT:
                case DATE:
                    return true;
                default:
                    return from.getFullTypeString().equals(to.getFullTypeString())
                            || isInterval(from) && from.getSqlTypeName().getFamily() == to.getSqlTypeName().getFamily();
            }
        }
        // widening between integer types, REAL/DOUBLE, TIMESTAMP kinds (UTC session): same values
        return Cast.isInteger(a) && Cast.isInteger(b) && TYPES.getTypeSystem().getMaxPrecision(a) <= TYPES.getTypeSystem()
                .getMaxPrecision(b) && precisionRank(a) <= precisionRank(b)
                || (a == SqlTypeName.REAL || a == SqlTypeName.FLOAT || a == SqlTypeName.DOUBLE)
                && (b == SqlTypeName.DOUBLE || b == SqlTypeName.FLOAT)
                || isTimestamp(a) && isTimestamp(b) && from.getPrecision() <= to.getPrecision()
                || a == SqlTypeName.CHAR && b == SqlTypeName.VARCHAR
                && (to.getPrecision() < 0 || to.getPrecision() >= from.getPrecision());
    }

    private static int precisionRank(SqlTypeName integer) {
        switch (integer) {
            case TINYINT:
                return 1;
            case SMALLINT:
                return 2;
            case INTEGER:
                return 3;
            default:
                return 4;
        }
    }

    // ---- strings ----

    private static CompiledExpression.Binder like(RexCall call) {
        List<RexNode> operands = call.getOperands();
        if (!(call.getOperator() instanceof SqlLikeOperator) || !(operands.get(1) instanceof RexLiteral)
                || operands.size() > 2 && !(operands.get(2) instanceof RexLiteral)) {
            throw new Unsupported("LIKE with a non-literal pattern");
        }
        SqlLikeOperator operator = (SqlLikeOperator) call.getOperator();
        RexLiteral patternLiteral = (RexLiteral) operands.get(1);
        if (patternLiteral.isNull() || kind(operands.get(0).getType()) != ExprKind.BYTES) {
            throw new Unsupported("LIKE with a NULL pattern");
        }
        String pattern = patternLiteral.getValueAs(String.class);
        Character escape = null;
        if (operands.size() > 2) {
            String escapeText = ((RexLiteral) operands.get(2)).getValueAs(String.class);
            if (escapeText == null || escapeText.length() != 1) {
                throw new Unsupported("LIKE escape");
            }
            escape = escapeText.charAt(0);
        }
        boolean caseInsensitive = !operator.isCaseSensitive();
        boolean negated = operator.isNegated();
        CompiledExpression.Binder value = node(operands.get(0));
        Character escapeChar = escape;
        return env -> {
            Evaluator like = new Strings.Like(value.bind(env), pattern, escapeChar, caseInsensitive);
            return negated ? new Logic.Not(like) : like;
        };
    }

    private static CompiledExpression.Binder trim(RexCall call) {
        List<RexNode> operands = call.getOperands();
        RexLiteral flag = (RexLiteral) operands.get(0);
        if (!(operands.get(1) instanceof RexLiteral)) {
            throw new Unsupported("TRIM of a non-literal character");
        }
        String characters = ((RexLiteral) operands.get(1)).getValueAs(String.class);
        if (characters == null || characters.length() != 1 || characters.charAt(0) > 127) {
            throw new Unsupported("TRIM of several characters");
        }
        SqlTrimFunction.Flag how = flag.getValueAs(SqlTrimFunction.Flag.class);
        boolean leading = how == SqlTrimFunction.Flag.BOTH || how == SqlTrimFunction.Flag.LEADING;
        boolean trailing = how == SqlTrimFunction.Flag.BOTH || how == SqlTrimFunction.Flag.TRAILING;
        byte character = (byte) characters.charAt(0);
        CompiledExpression.Binder value = node(operands.get(2));
        requireKind(operands.get(2), ExprKind.BYTES);
        return env -> new Strings.Trim(leading, trailing, character, value.bind(env));
    }

    private static void requireKind(RexNode node, ExprKind kind) {
        if (kind(node.getType()) != kind) {
            throw new Unsupported("expected " + kind + ": " + node);
        }
    }

    // ---- IN lists ----

    private static CompiledExpression.Binder search(RexCall call) {
        RexNode operand = call.getOperands().get(0);
        RexLiteral literal = (RexLiteral) call.getOperands().get(1);
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        ExprKind kind = kind(operand.getType());
        if (sarg != null && !sarg.isPoints()) {
            CompiledExpression.Binder range;
            try {
                range = ColumnRanges.compileRange(operand, sarg);
            } catch (RuntimeException e) {
                range = null; // an endpoint the column cannot hold: the general evaluators decide
            }
            if (range != null) {
                return range;
            }
        }
        boolean pointsOnly = sarg != null && sarg.isPoints() && sarg.pointCount > 2
                && (kind == ExprKind.LONG || kind == ExprKind.DOUBLE || kind == ExprKind.BYTES)
                && !isInterval(operand.getType());
        if (!pointsOnly) {
            return node(RexUtil.expandSearch(REX_BUILDER, null, call));
        }
        List<Object> values = new ArrayList<>();
        try {
            for (com.google.common.collect.Range<?> range : sarg.rangeSet.asRanges()) {
                values.add(Literals.convert(range.lowerEndpoint(), operand.getType()));
            }
        } catch (RuntimeException e) {
            return node(RexUtil.expandSearch(REX_BUILDER, null, call));
        }
        Boolean nullAnswer = sarg.nullAs == RexUnknownAs.TRUE ? Boolean.TRUE
                : sarg.nullAs == RexUnknownAs.FALSE ? Boolean.FALSE : null;
        CompiledExpression.Binder value = node(operand);
        return env -> new InSet(value.bind(env), kind, values, nullAnswer);
    }

    // ---- dates and times ----

    private static CompiledExpression.Binder extract(RexCall call) {
        TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0)).getValueAs(TimeUnitRange.class);
        RexNode operand = call.getOperands().get(1);
        SqlTypeName type = operand.getType().getSqlTypeName();
        boolean isDate = type == SqlTypeName.DATE;
        boolean isTime = type == SqlTypeName.TIME;
        if (unit == null || !(isDate || isTime || isTimestamp(type)) || !Temporal.Extract.supports(unit, isTime)
                || call.getType().getSqlTypeName() != SqlTypeName.BIGINT) {
            throw new Unsupported("EXTRACT " + unit + " from " + type);
        }
        CompiledExpression.Binder value = node(operand);
        return env -> new Temporal.Extract(unit, isDate, isTime, value.bind(env));
    }

    private static CompiledExpression.Binder floorCeil(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean ceil = call.getKind() == SqlKind.CEIL;
        if (operands.size() == 2) {
            TimeUnitRange unit = ((RexLiteral) operands.get(1)).getValueAs(TimeUnitRange.class);
            SqlTypeName type = operands.get(0).getType().getSqlTypeName();
            if (unit == null || !Temporal.Truncate.supports(unit) || !(type == SqlTypeName.DATE || isTimestamp(type))) {
                throw new Unsupported("FLOOR/CEIL to " + unit);
            }
            boolean isDate = type == SqlTypeName.DATE;
            CompiledExpression.Binder value = node(operands.get(0));
            return env -> new Temporal.Truncate(unit, ceil, isDate, value.bind(env));
        }
        return rounding(ceil ? MathFunctions.Rounding.Op.CEIL : MathFunctions.Rounding.Op.FLOOR, call);
    }

    private static CompiledExpression.Binder rounding(MathFunctions.Rounding.Op op, RexCall call) {
        RelDataType type = call.getType();
        ExprKind kind = kind(type);
        if (kind != ExprKind.LONG && kind != ExprKind.DOUBLE && kind != ExprKind.DECIMAL
                || kind == ExprKind.LONG && !Cast.isInteger(type.getSqlTypeName())) {
            throw new Unsupported(op + " of " + type);
        }
        RexNode operand = call.getOperands().get(0);
        CompiledExpression.Binder value = kind == ExprKind.DECIMAL ? coerce(operand, asDecimal(operand.getType()))
                : coerce(operand, type);
        CompiledExpression.Binder digits = null;
        if (call.getOperands().size() > 1) {
            RexNode places = call.getOperands().get(1);
            if (!Cast.isInteger(places.getType().getSqlTypeName())) {
                throw new Unsupported("ROUND digits of type " + places.getType());
            }
            digits = node(places);
        }
        int scale = scale(type);
        CompiledExpression.Binder digitsBinder = digits;
        return env -> new MathFunctions.Rounding(op, value.bind(env), digitsBinder == null ? null : digitsBinder.bind(env),
                kind, scale);
    }

    private static CompiledExpression.Binder timeBucket(RexCall call) {
        List<RexNode> operands = call.getOperands();
        boolean months = TimeBucketFunction.isMonthWidth(operands.get(0).getType());
        boolean isDate = operands.get(1).getType().getSqlTypeName() == SqlTypeName.DATE;
        CompiledExpression.Binder width = node(operands.get(0));
        CompiledExpression.Binder value = node(operands.get(1));
        CompiledExpression.Binder origin = operands.size() > 2 ? node(operands.get(2)) : null;
        return env -> new Temporal.Bucket(months, isDate, width.bind(env), value.bind(env),
                origin == null ? null : origin.bind(env));
    }

    // ---- named functions ----

    private static CompiledExpression.Binder function(RexCall call) {
        if (call.getOperator() == TimeBucketFunction.INSTANCE) {
            return timeBucket(call);
        }
        if (call.getOperator() == PolaroidCastFunction.INSTANCE) {
            return cast(call.getOperands().get(0), call.getType());
        }
        List<RexNode> operands = call.getOperands();
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        switch (name) {
            case "UPPER":
            case "LOWER": {
                requireKind(operands.get(0), ExprKind.BYTES);
                CompiledExpression.Binder value = node(operands.get(0));
                boolean upper = name.equals("UPPER");
                return env -> new Strings.ChangeCase(upper, value.bind(env));
            }
            case "SUBSTRING": {
                requireKind(operands.get(0), ExprKind.BYTES);
                if (!isText(operands.get(0).getType())) {
                    throw new Unsupported("SUBSTRING of binary");
                }
                CompiledExpression.Binder value = node(operands.get(0));
                CompiledExpression.Binder start = integer(operands.get(1));
                CompiledExpression.Binder length = operands.size() > 2 ? integer(operands.get(2)) : null;
                return env -> new Strings.Substring(value.bind(env), start.bind(env),
                        length == null ? null : length.bind(env));
            }
            case "||": {
                requireKind(operands.get(0), ExprKind.BYTES);
                requireKind(operands.get(1), ExprKind.BYTES);
                CompiledExpression.Binder left = node(operands.get(0));
                CompiledExpression.Binder right = node(operands.get(1));
                return env -> new Strings.Concat(left.bind(env), right.bind(env));
            }
            case "CHAR_LENGTH":
            case "CHARACTER_LENGTH":
            case "OCTET_LENGTH": {
                requireKind(operands.get(0), ExprKind.BYTES);
                if (call.getType().getSqlTypeName() != SqlTypeName.INTEGER
                        && call.getType().getSqlTypeName() != SqlTypeName.BIGINT) {
                    throw new Unsupported(name + " of type " + call.getType());
                }
                CompiledExpression.Binder value = node(operands.get(0));
                boolean characters = !name.equals("OCTET_LENGTH");
                return env -> new Strings.Length(characters, value.bind(env));
            }
            case "ABS":
                return rounding(MathFunctions.Rounding.Op.ABS, call);
            case "ROUND":
                return rounding(MathFunctions.Rounding.Op.ROUND, call);
            case "SQRT":
                return doubleFunction(call, Math::sqrt);
            case "LN":
                return doubleFunction(call, Math::log);
            case "EXP":
                return doubleFunction(call, Math::exp);
            case "LOG10":
                return doubleFunction(call, Math::log10);
            case "POWER": {
                requireDouble(call);
                RelDataType doubleType = TYPES.createSqlType(SqlTypeName.DOUBLE);
                CompiledExpression.Binder base = coerce(operands.get(0), doubleType);
                CompiledExpression.Binder exponent = coerce(operands.get(1), doubleType);
                return env -> new MathFunctions.Binary(Math::pow, base.bind(env), exponent.bind(env));
            }
            default:
                throw new Unsupported("function " + name);
        }
    }

    private static boolean isText(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.CHAR || type.getSqlTypeName() == SqlTypeName.VARCHAR;
    }

    private static CompiledExpression.Binder integer(RexNode node) {
        if (!Cast.isInteger(node.getType().getSqlTypeName())) {
            throw new Unsupported("expected an integer: " + node);
        }
        return node(node);
    }

    private static void requireDouble(RexCall call) {
        if (kind(call.getType()) != ExprKind.DOUBLE) {
            throw new Unsupported(call.getOperator().getName() + " returning " + call.getType());
        }
        for (RexNode operand : call.getOperands()) {
            ExprKind kind = kind(operand.getType());
            if (kind != ExprKind.DOUBLE && kind != ExprKind.DECIMAL
                    && !(kind == ExprKind.LONG && Cast.isInteger(operand.getType().getSqlTypeName()))) {
                throw new Unsupported(call.getOperator().getName() + " of " + operand.getType());
            }
        }
    }

    private static CompiledExpression.Binder doubleFunction(RexCall call, java.util.function.DoubleUnaryOperator f) {
        requireDouble(call);
        CompiledExpression.Binder value = coerce(call.getOperands().get(0), TYPES.createSqlType(SqlTypeName.DOUBLE));
        return env -> new MathFunctions.Unary(f, value.bind(env));
    }
}
