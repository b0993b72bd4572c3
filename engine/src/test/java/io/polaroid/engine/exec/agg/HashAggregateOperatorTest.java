package io.polaroid.engine.exec.agg;

import static io.polaroid.engine.exec.BatchFixtures.BIGINT;
import static io.polaroid.engine.exec.BatchFixtures.BOOLEAN;
import static io.polaroid.engine.exec.BatchFixtures.DATE;
import static io.polaroid.engine.exec.BatchFixtures.DOUBLE;
import static io.polaroid.engine.exec.BatchFixtures.INT;
import static io.polaroid.engine.exec.BatchFixtures.REAL;
import static io.polaroid.engine.exec.BatchFixtures.SMALLINT;
import static io.polaroid.engine.exec.BatchFixtures.TIMESTAMP;
import static io.polaroid.engine.exec.BatchFixtures.TINYINT;
import static io.polaroid.engine.exec.BatchFixtures.VARBINARY;
import static io.polaroid.engine.exec.BatchFixtures.VARCHAR;
import static io.polaroid.engine.exec.BatchFixtures.bytes;
import static io.polaroid.engine.exec.BatchFixtures.decimal;
import static io.polaroid.engine.exec.BatchFixtures.field;
import static io.polaroid.engine.exec.BatchFixtures.row;
import static io.polaroid.engine.exec.BatchFixtures.schema;
import static io.polaroid.engine.exec.agg.AggregateFunction.ANY_VALUE;
import static io.polaroid.engine.exec.agg.AggregateFunction.ARG_MAX;
import static io.polaroid.engine.exec.agg.AggregateFunction.ARG_MIN;
import static io.polaroid.engine.exec.agg.AggregateFunction.AVG;
import static io.polaroid.engine.exec.agg.AggregateFunction.BOOL_AND;
import static io.polaroid.engine.exec.agg.AggregateFunction.BOOL_OR;
import static io.polaroid.engine.exec.agg.AggregateFunction.COUNT;
import static io.polaroid.engine.exec.agg.AggregateFunction.COUNT_STAR;
import static io.polaroid.engine.exec.agg.AggregateFunction.FIRST;
import static io.polaroid.engine.exec.agg.AggregateFunction.LAST;
import static io.polaroid.engine.exec.agg.AggregateFunction.MAX;
import static io.polaroid.engine.exec.agg.AggregateFunction.MIN;
import static io.polaroid.engine.exec.agg.AggregateFunction.STDDEV_POP;
import static io.polaroid.engine.exec.agg.AggregateFunction.STDDEV_SAMP;
import static io.polaroid.engine.exec.agg.AggregateFunction.SUM0;
import static io.polaroid.engine.exec.agg.AggregateFunction.SUM;
import static io.polaroid.engine.exec.agg.AggregateFunction.VAR_POP;
import static io.polaroid.engine.exec.agg.AggregateFunction.VAR_SAMP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.exec.AllocatorTest;
import io.polaroid.engine.exec.BatchFixtures.RowSource;
import io.polaroid.engine.exec.BatchFixtures;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest extends AllocatorTest {
    // Input columns of the randomized tests: group keys come first, then these value columns.
    private static final List<Field> VALUES = List.of(field("i", INT), field("l", BIGINT), field("d", DOUBLE),
            field("r", REAL), field("dec", decimal(12, 2)), field("s", VARCHAR), field("b", BOOLEAN),
            field("dt", DATE), field("ts", TIMESTAMP), field("bin", VARBINARY), field("f", BOOLEAN));
    private static final int I = 0;
    private static final int L = 1;
    private static final int D = 2;
    private static final int R = 3;
    private static final int DEC = 4;
    private static final int S = 5;
    private static final int B = 6;
    private static final int DT = 7;
    private static final int TS = 8;
    private static final int BIN = 9;
    private static final int F = 10;


    /** One aggregate of a test: the function, argument positions among VALUES, flags and result type. */
    private record Agg(AggregateFunction function, int[] args, boolean distinct, boolean filtered, ArrowType out) {
        static Agg of(AggregateFunction function, ArrowType out, int... args) {
            return new Agg(function, args, false, false, out);
        }

        Agg distinctValues() {
            return new Agg(function, args, true, filtered, out);
        }

        Agg filteredByF() {
            return new Agg(function, args, distinct, true, out);
        }
    }

    private static List<Agg> everyFunction() {
        return List.of(
                Agg.of(COUNT_STAR, BIGINT), Agg.of(COUNT, BIGINT, I), Agg.of(COUNT, BIGINT, S, D),
                Agg.of(SUM, BIGINT, I), Agg.of(SUM, BIGINT, L), Agg.of(SUM, decimal(38, 0), I), Agg.of(SUM, DOUBLE, L),
                Agg.of(SUM, decimal(38, 2), DEC), Agg.of(SUM, DOUBLE, D), Agg.of(SUM, REAL, R), Agg.of(SUM, DOUBLE, DEC),
                Agg.of(SUM0, BIGINT, I), Agg.of(SUM0, decimal(38, 2), DEC), Agg.of(SUM0, DOUBLE, D),
                Agg.of(AVG, DOUBLE, I), Agg.of(AVG, decimal(20, 3), L), Agg.of(AVG, INT, I), Agg.of(AVG, decimal(14, 4), DEC),
                Agg.of(AVG, DOUBLE, DEC), Agg.of(AVG, DOUBLE, D), Agg.of(AVG, decimal(10, 1), R),
                Agg.of(MIN, INT, I), Agg.of(MAX, BIGINT, L), Agg.of(MIN, DOUBLE, D), Agg.of(MAX, DOUBLE, D),
                Agg.of(MAX, REAL, R), Agg.of(MIN, decimal(12, 2), DEC), Agg.of(MAX, decimal(12, 2), DEC),
                Agg.of(MIN, VARCHAR, S), Agg.of(MAX, VARCHAR, S), Agg.of(MIN, BOOLEAN, B), Agg.of(MAX, DATE, DT),
                Agg.of(MIN, TIMESTAMP, TS), Agg.of(MAX, VARBINARY, BIN), Agg.of(MIN, VARBINARY, BIN),
                Agg.of(ANY_VALUE, VARCHAR, S), Agg.of(FIRST, VARCHAR, S), Agg.of(LAST, VARCHAR, S),
                Agg.of(FIRST, DOUBLE, D), Agg.of(LAST, decimal(12, 2), DEC), Agg.of(ANY_VALUE, INT, I),
                Agg.of(LAST, BOOLEAN, B), Agg.of(FIRST, TIMESTAMP, TS),
                Agg.of(BOOL_AND, BOOLEAN, B), Agg.of(BOOL_OR, BOOLEAN, B),
                Agg.of(ARG_MIN, VARCHAR, S, D), Agg.of(ARG_MAX, INT, I, S), Agg.of(ARG_MIN, decimal(12, 2), DEC, TS),
                Agg.of(ARG_MAX, VARBINARY, BIN, DEC), Agg.of(ARG_MAX, DOUBLE, D, I),
                Agg.of(STDDEV_POP, DOUBLE, D), Agg.of(STDDEV_SAMP, DOUBLE, I), Agg.of(VAR_POP, DOUBLE, DEC),
                Agg.of(VAR_SAMP, DOUBLE, D), Agg.of(VAR_SAMP, decimal(20, 4), I),
                Agg.of(COUNT, BIGINT, S).distinctValues(), Agg.of(SUM, BIGINT, I).distinctValues(),
                Agg.of(AVG, DOUBLE, D).distinctValues().filteredByF(), Agg.of(COUNT, BIGINT, DEC, B).distinctValues(),
                Agg.of(COUNT_STAR, BIGINT).filteredByF(), Agg.of(SUM, BIGINT, I).filteredByF(),
                Agg.of(MIN, VARCHAR, S).filteredByF(), Agg.of(LAST, INT, I).filteredByF(),
                Agg.of(MAX, DOUBLE, D).distinctValues());
    }

    // ---- fixed cases --------------------------------------------------------------------------------

    @Test
    void globalAggregateOfEmptyInputIsOneRow() {
        List<List<Object>> out = aggregate(List.of(), List.of(), everyFunction(), 16);
        assertEquals(1, out.size());
        checkAgainstReference(List.of(), List.of(), everyFunction(), out);
        List<Object> row = out.get(0);
        assertEquals(0L, row.get(0), "COUNT(*)");
        assertEquals(0L, row.get(1), "COUNT(i)");
        assertEquals(null, row.get(3), "SUM(i)");
        assertEquals(0L, row.get(11), "SUM0(i)");
        assertEquals(new BigDecimal("0.00"), row.get(12), "SUM0(dec)");
    }

    @Test
    void globalAggregateOfOneRowAndOfOnlyNulls() {
        Random random = new Random(1);
        List<List<Object>> one = List.of(randomValues(random, List.of()));
        checkAgainstReference(List.of(), one, everyFunction(), aggregate(List.of(), one, everyFunction(), 4));
        List<Object> nulls = new ArrayList<>();
        for (int c = 0; c < VALUES.size(); c++) {
            nulls.add(null);
        }
        List<List<Object>> allNull = List.of(nulls, nulls, nulls);
        List<List<Object>> out = aggregate(List.of(), allNull, everyFunction(), 4);
        checkAgainstReference(List.of(), allNull, everyFunction(), out);
        assertEquals(3L, out.get(0).get(0));
        assertEquals(0L, out.get(0).get(1));
        assertEquals(null, out.get(0).get(3));
    }

    @Test
    void groupsWithOnlyNullValues() {
        Schema schema = schema(field("g", VARCHAR), field("v", BIGINT));
        List<List<Object>> rows = List.of(row("a", null), row("b", 5L), row("a", null), row(null, null), row(null, 2L));
        List<AggregateSpec> specs = List.of(
                spec(SUM, BIGINT, 1), spec(COUNT, BIGINT, 1), spec(COUNT_STAR, BIGINT), spec(SUM0, BIGINT, 1),
                spec(AVG, DOUBLE, 1), spec(MIN, BIGINT, 1), spec(FIRST, BIGINT, 1), spec(ANY_VALUE, BIGINT, 1));
        List<List<Object>> out = run(schema, rows, new int[] {0}, specs, 2);
        assertEquals(List.of(
                row("a", null, 0L, 2L, 0L, null, null, null, null),
                row("b", 5L, 1L, 1L, 5L, 5.0, 5L, 5L, 5L),
                row(null, 2L, 1L, 2L, 2L, 2.0, 2L, null, 2L)), out);
    }

    @Test
    void sumOverflowFailsWith22003() {
        Schema schema = schema(field("v", BIGINT));
        List<List<Object>> rows = List.of(row(Long.MAX_VALUE), row(1L));
        PolaroidException e = assertThrows(PolaroidException.class,
                () -> run(schema, rows, new int[0], List.of(spec(SUM, BIGINT, 0)), 8));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, e.code());
        // The same sum fits a DECIMAL(38, 0) result, as DuckDB's HUGEINT sum does.
        assertEquals(List.of(row(new BigDecimal("9223372036854775808"))),
                run(schema, rows, new int[0], List.of(spec(SUM, decimal(38, 0), 0)), 8));
        // An INTEGER result is range-checked too.
        List<List<Object>> big = List.of(row((long) Integer.MAX_VALUE), row(1L));
        PolaroidException narrow = assertThrows(PolaroidException.class,
                () -> run(schema, big, new int[0], List.of(spec(SUM, INT, 0)), 8));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, narrow.code());
        // A decimal result whose precision is too small.
        Schema decimals = schema(field("v", decimal(10, 2)));
        List<List<Object>> large = List.of(row(new BigDecimal("99999999.99")), row(new BigDecimal("99999999.99")));
        PolaroidException precision = assertThrows(PolaroidException.class,
                () -> run(decimals, large, new int[0], List.of(spec(SUM, decimal(10, 2), 0)), 8));
        assertEquals(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, precision.code());
    }

    @Test
    void nanGroupsWithNanAndNegativeZeroWithZero() {
        Schema schema = schema(field("k", DOUBLE), field("v", BIGINT));
        List<List<Object>> rows = List.of(row(Double.NaN, 1L), row(0.0, 2L), row(-0.0, 3L),
                row(Double.longBitsToDouble(0x7ff8000000000123L), 4L), row(null, 5L), row(-0.0, 6L));
        List<List<Object>> out = run(schema, rows, new int[] {0}, List.of(spec(SUM, BIGINT, 1)), 8);
        assertEquals(3, out.size());
        assertEquals(5L, out.get(0).get(1), "NaN group");
        assertEquals(11L, out.get(1).get(1), "zero group");
        assertEquals(5L, out.get(2).get(1), "NULL group");
    }

    @Test
    void aggregateSpecSupportsTheDocumentedTypes() {
        assertTrue(AggregateSpec.supports(SUM, List.of(INT), BIGINT, false));
        assertTrue(AggregateSpec.supports(SUM, List.of(decimal(10, 2)), decimal(38, 2), false));
        assertFalse(AggregateSpec.supports(SUM, List.of(VARCHAR), BIGINT, false));
        assertFalse(AggregateSpec.supports(SUM, List.of(DOUBLE), BIGINT, false));
        assertTrue(AggregateSpec.supports(MIN, List.of(VARCHAR), VARCHAR, false));
        assertFalse(AggregateSpec.supports(MIN, List.of(VARCHAR), BIGINT, false));
        assertTrue(AggregateSpec.supports(COUNT, List.of(new ArrowType.List()), BIGINT, false));
        assertFalse(AggregateSpec.supports(COUNT, List.of(new ArrowType.List()), BIGINT, true));
        assertFalse(AggregateSpec.supports(COUNT_STAR, List.of(), BIGINT, true));
        assertTrue(AggregateSpec.supports(ARG_MAX, List.of(VARCHAR, TIMESTAMP), VARCHAR, false));
        assertFalse(AggregateSpec.supports(BOOL_AND, List.of(INT), BOOLEAN, false));
        assertTrue(AggregateSpec.supports(AVG, List.of(BIGINT), DOUBLE, false));
        assertTrue(AggregateSpec.supports(STDDEV_SAMP, List.of(decimal(10, 2)), DOUBLE, true));
    }

    @Test
    void rejectsBadSpecsAndSchemas() {
        Schema schema = schema(field("v", BIGINT), field("s", VARCHAR));
        ExecutionContext context = BatchFixtures.context(allocator, 8);
        try (RowSource input = new RowSource(allocator, schema, List.of())) {
            assertThrows(IllegalArgumentException.class, () -> new HashAggregateOperator(context, input, new int[0],
                    List.of(spec(SUM, BIGINT, 1)), schema(field("x", BIGINT))));
            assertThrows(IllegalArgumentException.class, () -> new HashAggregateOperator(context, input, new int[0],
                    List.of(spec(SUM, BIGINT, 0)), schema(field("x", DOUBLE))));
            assertThrows(IllegalArgumentException.class, () -> new HashAggregateOperator(context, input, new int[] {2},
                    List.of(), schema(field("x", BIGINT))));
            assertThrows(IllegalArgumentException.class, () -> new HashAggregateOperator(context, input, new int[0],
                    List.of(new AggregateSpec(COUNT_STAR, new int[0], false, 0, field("c", BIGINT))),
                    schema(field("c", BIGINT))));
        }
    }

    // ---- randomized against the reference -------------------------------------------------------------

    @Test
    void everyFunctionAndTypeByAllKeyKindsAgainstReference() {
        Random random = new Random(42);
        Map<String, List<Field>> keySets = new LinkedHashMap<>();
        keySets.put("bigint", List.of(field("k", BIGINT)));
        keySets.put("tinyint", List.of(field("k", TINYINT)));
        keySets.put("smallint", List.of(field("k", SMALLINT)));
        keySets.put("varchar", List.of(field("k", VARCHAR)));
        keySets.put("double", List.of(field("k", DOUBLE)));
        keySets.put("decimal", List.of(field("k", decimal(20, 3))));
        keySets.put("boolean", List.of(field("k", BOOLEAN)));
        keySets.put("date", List.of(field("k", DATE)));
        keySets.put("binary", List.of(field("k", VARBINARY)));
        keySets.put("varchar+int", List.of(field("k1", VARCHAR), field("k2", INT)));
        keySets.put("bool+double+decimal", List.of(field("k1", BOOLEAN), field("k2", DOUBLE), field("k3", decimal(9, 1))));
        for (Map.Entry<String, List<Field>> keys : keySets.entrySet()) {
            List<List<Object>> rows = new ArrayList<>();
            int count = 1500 + random.nextInt(1500);
            for (int i = 0; i < count; i++) {
                rows.add(randomValues(random, keys.getValue()));
            }
            List<List<Object>> out = aggregate(keys.getValue(), rows, everyFunction(), 1 + random.nextInt(40));
            checkAgainstReference(keys.getValue(), rows, everyFunction(), out);
        }
    }

    @Test
    void highCardinalityKeysAcrossManyBatchesAndChunks() {
        Random random = new Random(9);
        List<Field> keys = List.of(field("k", BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            List<Object> values = new ArrayList<>();
            values.add(random.nextInt(500) == 0 ? null : (long) random.nextInt(90_000) * 7919);
            values.addAll(List.of(random.nextInt(1000), random.nextLong() >> 20, random.nextDouble(), 0.5, BigDecimal.ONE.setScale(2),
                    "s" + random.nextInt(100), random.nextBoolean(), 1L, 2L, bytes(1), random.nextBoolean()));
            values.set(1 + I, (long) (int) values.get(1 + I));
            rows.add(values);
        }
        List<Agg> aggs = List.of(Agg.of(COUNT_STAR, BIGINT), Agg.of(SUM, BIGINT, I), Agg.of(MAX, VARCHAR, S),
                Agg.of(AVG, DOUBLE, D), Agg.of(FIRST, INT, I), Agg.of(ARG_MIN, BIGINT, L, D));
        List<List<Object>> out = aggregate(keys, rows, aggs, 8192);
        checkAgainstReference(keys, rows, aggs, out);
    }

    @Test
    void cancellationMidAggregationFailsWith57014AndFreesMemory() {
        QueryCancellation cancellation = new QueryCancellation();
        Schema schema = schema(field("k", VARCHAR), field("v", BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row("key" + (i % 5000), (long) i));
        }
        RowSource input = new RowSource(allocator, schema, rows, 1000);
        input.beforeBatch(() -> {
            if (input.batches() == 4) {
                cancellation.cancel("timeout");
            }
        });
        HashAggregateOperator aggregate = new HashAggregateOperator(new ExecutionContext(allocator, cancellation, 256),
                input, new int[] {0}, List.of(spec(SUM, BIGINT, 1), spec(MAX, VARCHAR, 0)),
                schema(field("k", VARCHAR), field("sum", BIGINT), field("max", VARCHAR)));
        PolaroidException e = assertThrows(PolaroidException.class, aggregate::next);
        assertEquals(ErrorCode.QUERY_CANCELED, e.code());
        assertEquals(5, input.batches());
        aggregate.close();
        assertTrue(input.closed());
    }

    @Test
    void groupStateOverTheMemoryLimitFailsWith53200() {
        BufferAllocator limited = allocator.newChildAllocator("query", 0, 1 << 20);
        Schema schema = schema(field("k", BIGINT), field("s", VARCHAR));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(row((long) i, "distinct value number " + i));
        }
        RowSource input = new RowSource(allocator, schema, rows, 4096);
        HashAggregateOperator aggregate = new HashAggregateOperator(new ExecutionContext(limited, new QueryCancellation(), 1024),
                input, new int[] {0}, List.of(spec(MAX, VARCHAR, 1), spec(COUNT_STAR, BIGINT)),
                schema(field("k", BIGINT), field("m", VARCHAR), field("c", BIGINT)));
        PolaroidException e = assertThrows(PolaroidException.class, aggregate::next);
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
        assertTrue(e.getMessage().contains("hash aggregate"), e.getMessage());
        aggregate.close();
        assertEquals(0, limited.getAllocatedMemory());
        limited.close();
    }

    // ---- running the operator ---------------------------------------------------------------------------

    private static AggregateSpec spec(AggregateFunction function, ArrowType out, int... args) {
        return new AggregateSpec(function, args, false, -1, field(function.name().toLowerCase(), out));
    }

    private List<List<Object>> run(Schema schema, List<List<Object>> rows, int[] groups, List<AggregateSpec> specs,
                                   int batchRows) {
        List<Field> out = new ArrayList<>();
        for (int group : groups) {
            out.add(schema.getFields().get(group));
        }
        specs.forEach(spec -> out.add(spec.outputField()));
        RowSource input = new RowSource(allocator, schema, rows, 3, 100, 17);
        try (HashAggregateOperator aggregate = new HashAggregateOperator(BatchFixtures.context(allocator, batchRows),
                input, groups, specs, new Schema(out))) {
            return BatchFixtures.drain(aggregate, batchRows);
        }
    }

    /** Aggregates rows of (keys..., VALUES...) grouped by the keys. */
    private List<List<Object>> aggregate(List<Field> keys, List<List<Object>> rows, List<Agg> aggs, int batchRows) {
        List<Field> fields = new ArrayList<>(keys);
        fields.addAll(VALUES);
        int offset = keys.size();
        int[] groups = new int[keys.size()];
        for (int k = 0; k < groups.length; k++) {
            groups[k] = k;
        }
        List<AggregateSpec> specs = new ArrayList<>();
        for (int j = 0; j < aggs.size(); j++) {
            Agg agg = aggs.get(j);
            int[] args = new int[agg.args.length];
            for (int a = 0; a < args.length; a++) {
                args[a] = agg.args[a] + offset;
            }
            specs.add(new AggregateSpec(agg.function, args, agg.distinct, agg.filtered ? F + offset : -1,
                    field("a" + j, agg.out)));
        }
        return run(new Schema(fields), rows, groups, specs, batchRows);
    }

    // ---- the reference ------------------------------------------------------------------------------

    private static List<Object> randomValues(Random random, List<Field> keys) {
        List<Object> row = new ArrayList<>();
        for (Field key : keys) {
            row.add(randomKey(random, key.getType()));
        }
        Function<Object, Object> maybeNull = v -> random.nextInt(7) == 0 ? null : v;
        row.add(maybeNull.apply((long) random.nextInt(2000) - 1000));
        row.add(maybeNull.apply(random.nextLong() >> 16));
        double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY};
        row.add(maybeNull.apply(random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)]
                : Math.round(random.nextGaussian() * 1000) / 8.0));
        row.add(maybeNull.apply((double) (float) (random.nextInt(100) / 4.0)));
        row.add(maybeNull.apply(BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 2)));
        row.add(maybeNull.apply("v" + random.nextInt(30) + (random.nextBoolean() ? "é" : "")));
        row.add(maybeNull.apply(random.nextInt(10) != 0));
        row.add(maybeNull.apply((long) random.nextInt(30000)));
        row.add(maybeNull.apply(1_600_000_000_000_000L + random.nextInt(1_000_000)));
        row.add(maybeNull.apply(bytes(random.nextInt(256), random.nextInt(3))));
        row.add(maybeNull.apply(random.nextBoolean()));
        return row;
    }

    private static Object randomKey(Random random, ArrowType type) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        if (type.equals(VARCHAR)) {
            return "key" + random.nextInt(25);
        }
        if (type.equals(VARBINARY)) {
            return bytes(random.nextInt(5), 0x80 + random.nextInt(3));
        }
        if (type.equals(DOUBLE)) {
            double[] values = {0.0, -0.0, Double.NaN, 1.5, -7.25, Double.NEGATIVE_INFINITY};
            return values[random.nextInt(values.length)];
        }
        if (type.equals(BOOLEAN)) {
            return random.nextBoolean();
        }
        if (type instanceof ArrowType.Decimal decimal) {
            return BigDecimal.valueOf(random.nextInt(20) - 10, decimal.getScale());
        }
        if (type.equals(TINYINT)) {
            return (long) random.nextInt(256) - 128;
        }
        return (long) random.nextInt(40) - 20;
    }

    private static void checkAgainstReference(List<Field> keys, List<List<Object>> rows, List<Agg> aggs,
                                              List<List<Object>> out) {
        int k = keys.size();
        Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
        if (k == 0) {
            groups.put(List.of(), new ArrayList<>());
        }
        for (List<Object> row : rows) {
            List<Object> key = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                key.add(BatchFixtures.groupKey(row.get(c)));
            }
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(row.subList(k, row.size()));
        }
        assertEquals(groups.size(), out.size(), "number of groups");
        Set<List<Object>> seen = new HashSet<>();
        for (List<Object> result : out) {
            List<Object> key = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                key.add(BatchFixtures.groupKey(result.get(c)));
            }
            assertTrue(seen.add(key), "group " + key + " emitted twice");
            List<List<Object>> members = groups.get(key);
            assertTrue(members != null, "unexpected group " + key);
            for (int j = 0; j < aggs.size(); j++) {
                Object expected = reference(aggs.get(j), members);
                assertValue(expected, result.get(k + j), aggs.get(j) + " of group " + key);
            }
        }
    }

    private static Object reference(Agg agg, List<List<Object>> rows) {
        List<List<Object>> tuples = new ArrayList<>();
        for (List<Object> row : rows) {
            if (agg.filtered && !Boolean.TRUE.equals(row.get(F))) {
                continue;
            }
            List<Object> tuple = new ArrayList<>();
            for (int arg : agg.args) {
                tuple.add(row.get(arg));
            }
            tuples.add(tuple);
        }
        if (agg.distinct) {
            Set<List<Object>> unique = new HashSet<>();
            tuples.removeIf(t -> !unique.add(t.stream().map(BatchFixtures::groupKey).toList()));
        }
        List<Object> values = new ArrayList<>();
        for (List<Object> tuple : tuples) {
            if (!tuple.isEmpty() && tuple.stream().allMatch(v -> v != null)) {
                values.add(tuple.get(0));
            }
        }
        switch (agg.function) {
            case COUNT_STAR:
                return (long) tuples.size();
            case COUNT:
                return (long) values.size();
            case SUM: case SUM0: case AVG:
                return sum(agg, values);
            case MIN: case MAX: case BOOL_AND: case BOOL_OR: {
                boolean max = agg.function == MAX || agg.function == BOOL_OR;
                Object best = null;
                for (Object value : values) {
                    if (best == null || (max ? BatchFixtures.sqlCompare(value, best) > 0 : BatchFixtures.sqlCompare(value, best) < 0)) {
                        best = value;
                    }
                }
                return best;
            }
            case ANY_VALUE:
                return values.isEmpty() ? null : values.get(0);
            case FIRST:
                return tuples.isEmpty() ? null : tuples.get(0).get(0);
            case LAST:
                return tuples.isEmpty() ? null : tuples.get(tuples.size() - 1).get(0);
            case ARG_MIN: case ARG_MAX: {
                List<Object> best = null;
                for (List<Object> tuple : tuples) {
                    if (tuple.get(0) == null || tuple.get(1) == null) {
                        continue;
                    }
                    int c = best == null ? 0 : BatchFixtures.sqlCompare(tuple.get(1), best.get(1));
                    if (best == null || (agg.function == ARG_MAX ? c > 0 : c < 0)) {
                        best = tuple;
                    }
                }
                return best == null ? null : best.get(0);
            }
            default:
                return variance(agg, values);
        }
    }

    private static Object sum(Agg agg, List<Object> values) {
        if (values.isEmpty()) {
            return agg.function == SUM0 ? convert(BigDecimal.ZERO, 0.0, agg.out) : null;
        }
        if (values.get(0) instanceof Double) {
            double total = 0;
            for (Object value : values) {
                total += (Double) value;
            }
            double result = agg.function == AVG ? total / values.size() : total;
            return convert(Double.isFinite(result) ? BigDecimal.valueOf(result) : null, result, agg.out);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Object value : values) {
            total = total.add(value instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) value));
        }
        if (agg.function != AVG) {
            return convert(total, total.doubleValue(), agg.out);
        }
        BigDecimal n = BigDecimal.valueOf(values.size());
        if (agg.out instanceof ArrowType.Decimal decimal) {
            return total.divide(n, decimal.getScale(), RoundingMode.HALF_UP);
        }
        if (agg.out instanceof ArrowType.Int) {
            return total.divide(n, 0, RoundingMode.DOWN).longValueExact();
        }
        return total.doubleValue() / values.size();
    }

    private static Object convert(BigDecimal exact, double approximate, ArrowType out) {
        if (out instanceof ArrowType.Decimal decimal) {
            return exact.setScale(decimal.getScale(), RoundingMode.HALF_UP);
        }
        if (out instanceof ArrowType.Int) {
            return exact.longValueExact();
        }
        if (out.equals(REAL)) {
            return (double) (float) approximate;
        }
        return approximate;
    }

    private static Object variance(Agg agg, List<Object> values) {
        int n = values.size();
        boolean sample = agg.function == VAR_SAMP || agg.function == STDDEV_SAMP;
        if (n == 0 || (sample && n == 1)) {
            return null;
        }
        double mean = 0;
        for (Object value : values) {
            mean += toDouble(value);
        }
        mean /= n;
        double squares = 0;
        for (Object value : values) {
            squares += (toDouble(value) - mean) * (toDouble(value) - mean);
        }
        double variance = squares / (sample ? n - 1 : n);
        double result = agg.function == STDDEV_POP || agg.function == STDDEV_SAMP ? Math.sqrt(variance) : variance;
        if (agg.out instanceof ArrowType.Decimal decimal) {
            return BigDecimal.valueOf(result).setScale(decimal.getScale(), RoundingMode.HALF_UP);
        }
        return result;
    }

    private static double toDouble(Object value) {
        return value instanceof BigDecimal decimal ? decimal.doubleValue() : ((Number) value).doubleValue();
    }

    private static void assertValue(Object expected, Object actual, String what) {
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
        } else if (expected instanceof Double e && actual instanceof Double a) {
            boolean close = e.equals(a) || e + 0.0 == a + 0.0
                    || Math.abs(e - a) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(e), Math.abs(a)));
            assertTrue(close, what + ": expected " + e + " got " + a);
        } else if (expected instanceof BigDecimal e && actual instanceof BigDecimal a && e.scale() == a.scale()
                && e.compareTo(a) != 0) {
            // Variances converted to decimals may differ in the last digit from rounding the double.
            assertTrue(e.subtract(a).abs().compareTo(BigDecimal.ONE.movePointLeft(e.scale())) <= 0,
                    what + ": expected " + e + " got " + a);
        } else {
            assertEquals(expected, actual, what);
        }
    }
}
