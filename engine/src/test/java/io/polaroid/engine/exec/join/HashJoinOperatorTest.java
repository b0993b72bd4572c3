package io.polaroid.engine.exec.join;

import static io.polaroid.engine.exec.BatchFixtures.BIGINT;
import static io.polaroid.engine.exec.BatchFixtures.BOOLEAN;
import static io.polaroid.engine.exec.BatchFixtures.DATE;
import static io.polaroid.engine.exec.BatchFixtures.DOUBLE;
import static io.polaroid.engine.exec.BatchFixtures.INT;
import static io.polaroid.engine.exec.BatchFixtures.REAL;
import static io.polaroid.engine.exec.BatchFixtures.TIMESTAMP;
import static io.polaroid.engine.exec.BatchFixtures.VARBINARY;
import static io.polaroid.engine.exec.BatchFixtures.VARCHAR;
import static io.polaroid.engine.exec.BatchFixtures.bytes;
import static io.polaroid.engine.exec.BatchFixtures.decimal;
import static io.polaroid.engine.exec.BatchFixtures.field;
import static io.polaroid.engine.exec.BatchFixtures.row;
import static io.polaroid.engine.exec.BatchFixtures.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.exec.AllocatorTest;
import io.polaroid.engine.exec.BatchFixtures.RowSource;
import io.polaroid.engine.exec.BatchFixtures;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HashJoinOperatorTest extends AllocatorTest {

    @Test
    void innerJoinWithDuplicateAndNullKeys() {
        Schema left = schema(field("k", BIGINT), field("a", VARCHAR));
        Schema right = schema(field("k", BIGINT), field("b", VARCHAR));
        List<List<Object>> leftRows = List.of(row(1L, "l1"), row(2L, "l2"), row(null, "lnull"), row(3L, "l3"),
                row(1L, "l1b"));
        List<List<Object>> rightRows = List.of(row(1L, "r1"), row(1L, "r1b"), row(null, "rnull"), row(3L, "r3"),
                row(4L, "r4"));
        List<List<Object>> out = join(JoinKind.INNER, left, leftRows, right, rightRows, new int[] {0}, new int[] {0},
                null, 1024);
        assertMultiset(List.of(row(1L, "l1", 1L, "r1"), row(1L, "l1", 1L, "r1b"), row(3L, "l3", 3L, "r3"),
                row(1L, "l1b", 1L, "r1"), row(1L, "l1b", 1L, "r1b")), out);
    }

    @Test
    void outerJoinsNullFillTheMissingSide() {
        Schema left = schema(field("k", INT), field("a", DOUBLE));
        Schema right = schema(field("k", INT), field("b", BOOLEAN));
        List<List<Object>> leftRows = List.of(row(1L, 1.5), row(2L, 2.5), row(null, 9.0));
        List<List<Object>> rightRows = List.of(row(1L, true), row(3L, false), row(null, true));
        assertMultiset(List.of(row(1L, 1.5, 1L, true), row(2L, 2.5, null, null), row(null, 9.0, null, null)),
                join(JoinKind.LEFT, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 2));
        assertMultiset(List.of(row(1L, 1.5, 1L, true), row(null, null, 3L, false), row(null, null, null, true)),
                join(JoinKind.RIGHT, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 2));
        assertMultiset(List.of(row(1L, 1.5, 1L, true), row(2L, 2.5, null, null), row(null, 9.0, null, null),
                        row(null, null, 3L, false), row(null, null, null, true)),
                join(JoinKind.FULL, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 2));
        assertMultiset(List.of(row(1L, 1.5)),
                join(JoinKind.SEMI, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 2));
        assertMultiset(List.of(row(2L, 2.5), row(null, 9.0)),
                join(JoinKind.ANTI, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 2));
    }

    @Test
    void floatingKeysMatchNaNWithNaNAndNegativeZeroWithZero() {
        Schema left = schema(field("k", DOUBLE));
        Schema right = schema(field("k", REAL), field("tag", VARCHAR));
        List<List<Object>> leftRows = List.of(row(Double.NaN), row(-0.0), row(1.5), row(Double.POSITIVE_INFINITY));
        List<List<Object>> rightRows = List.of(row((double) Float.NaN, "nan"), row(0.0, "zero"), row(1.5, "x"),
                row(2.5, "y"));
        assertMultiset(List.of(row(Double.NaN, Double.NaN, "nan"), row(-0.0, 0.0, "zero"), row(1.5, 1.5, "x")),
                join(JoinKind.INNER, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 16));
    }

    @Test
    void integerKeysOfDifferentWidthsJoinByValue() {
        Schema left = schema(field("k", INT));
        Schema right = schema(field("k", BIGINT));
        List<List<Object>> leftRows = List.of(row(-1L), row(7L), row((long) Integer.MAX_VALUE));
        List<List<Object>> rightRows = List.of(row(-1L), row(7L), row((long) Integer.MAX_VALUE + 1), row(4294967295L));
        assertMultiset(List.of(row(-1L, -1L), row(7L, 7L)),
                join(JoinKind.INNER, left, leftRows, right, rightRows, new int[] {0}, new int[] {0}, null, 16));
    }

    @Test
    void manyMatchesOfOneKeySpreadOverBatchesOfAtMostBatchRows() {
        Schema left = schema(field("k", VARCHAR), field("i", BIGINT));
        Schema right = schema(field("k", VARCHAR), field("j", BIGINT));
        List<List<Object>> leftRows = new ArrayList<>();
        for (long i = 0; i < 30; i++) {
            leftRows.add(row("hot", i));
        }
        List<List<Object>> rightRows = new ArrayList<>();
        for (long j = 0; j < 1000; j++) {
            rightRows.add(row("hot", j));
        }
        List<List<Object>> expected = new ArrayList<>();
        for (long i = 0; i < 30; i++) {
            for (long j = 0; j < 1000; j++) {
                expected.add(row("hot", i, "hot", j));
            }
        }
        // drain() checks that every batch holds at most batchRows = 100 rows.
        assertMultiset(expected, join(JoinKind.INNER, left, leftRows, right, rightRows, new int[] {0}, new int[] {0},
                null, 100));
    }

    @Test
    void residualFilterDecidesMatchesForEveryKind() {
        Schema left = schema(field("k", BIGINT), field("lv", BIGINT));
        Schema right = schema(field("k", BIGINT), field("rv", BIGINT));
        Random random = new Random(7);
        List<List<Object>> leftRows = randomRows(random, 300, i -> row(smallKey(random), nullable(random, random.nextInt(20))));
        List<List<Object>> rightRows = randomRows(random, 200, i -> row(smallKey(random), nullable(random, random.nextInt(20))));
        // lv < rv, NULL counts as false
        BiPredicate<List<Object>, List<Object>> lessThan = (l, r) -> l.get(1) != null && r.get(1) != null
                && (Long) l.get(1) < (Long) r.get(1);
        for (JoinKind kind : JoinKind.values()) {
            List<List<Object>> expected = referenceJoin(kind, leftRows, rightRows, new int[] {0}, new int[] {0},
                    lessThan, 2, 2);
            List<List<Object>> actual = join(kind, left, leftRows, right, rightRows, new int[] {0}, new int[] {0},
                    new LessThanFilter(1, 3), 64);
            assertMultiset(expected, actual, kind.toString());
        }
    }

    @Test
    void crossJoinWithoutKeysUsesTheResidualOnly() {
        Schema left = schema(field("a", BIGINT));
        Schema right = schema(field("b", BIGINT));
        List<List<Object>> leftRows = List.of(row(1L), row(5L), row(null));
        List<List<Object>> rightRows = List.of(row(2L), row(6L), row(0L));
        assertMultiset(List.of(row(1L, 2L), row(1L, 6L), row(5L, 6L)),
                join(JoinKind.INNER, left, leftRows, right, rightRows, new int[0], new int[0],
                        new LessThanFilter(0, 1), 2));
        assertEquals(9, join(JoinKind.INNER, left, leftRows, right, rightRows, new int[0], new int[0], null, 4).size());
        assertMultiset(List.of(row(1L, 2L), row(1L, 6L), row(5L, 6L), row(null, null)),
                join(JoinKind.LEFT, left, leftRows, right, rightRows, new int[0], new int[0],
                        new LessThanFilter(0, 1), 2));
    }

    @Test
    void emptyInputs() {
        Schema left = schema(field("k", BIGINT));
        Schema right = schema(field("k", BIGINT));
        List<List<Object>> some = List.of(row(1L), row(null));
        for (JoinKind kind : JoinKind.values()) {
            assertMultiset(referenceJoin(kind, some, List.of(), new int[] {0}, new int[] {0}, null, 1, 1),
                    join(kind, left, some, right, List.of(), new int[] {0}, new int[] {0}, null, 8), kind + " empty right");
            assertMultiset(referenceJoin(kind, List.of(), some, new int[] {0}, new int[] {0}, null, 1, 1),
                    join(kind, left, List.of(), right, some, new int[] {0}, new int[] {0}, null, 8), kind + " empty left");
        }
    }

    @ParameterizedTest
    @EnumSource(JoinKind.class)
    void randomizedAgainstReferenceForEveryKeyType(JoinKind kind) {
        Random random = new Random(kind.ordinal() * 31L + 5);
        List<KeyCase> cases = List.of(
                new KeyCase(new ArrowType[] {BIGINT}, new ArrowType[] {BIGINT}, r -> new Object[] {smallKey(r)}),
                new KeyCase(new ArrowType[] {INT}, new ArrowType[] {BIGINT}, r -> new Object[] {smallKey(r)}),
                new KeyCase(new ArrowType[] {VARCHAR}, new ArrowType[] {VARCHAR},
                        r -> new Object[] {r.nextInt(8) == 0 ? null : "key-" + r.nextInt(15) + (r.nextBoolean() ? "é" : "")}),
                new KeyCase(new ArrowType[] {DOUBLE}, new ArrowType[] {DOUBLE}, r -> new Object[] {pickDouble(r)}),
                new KeyCase(new ArrowType[] {decimal(12, 2)}, new ArrowType[] {decimal(20, 2)},
                        r -> new Object[] {r.nextInt(8) == 0 ? null : BigDecimal.valueOf(r.nextInt(12) - 6, 2)}),
                new KeyCase(new ArrowType[] {BOOLEAN}, new ArrowType[] {BOOLEAN},
                        r -> new Object[] {r.nextInt(5) == 0 ? null : r.nextBoolean()}),
                new KeyCase(new ArrowType[] {DATE}, new ArrowType[] {DATE}, r -> new Object[] {smallKey(r)}),
                new KeyCase(new ArrowType[] {TIMESTAMP}, new ArrowType[] {TIMESTAMP},
                        r -> new Object[] {r.nextInt(8) == 0 ? null : 1_700_000_000_000_000L + r.nextInt(10)}),
                new KeyCase(new ArrowType[] {VARBINARY}, new ArrowType[] {VARBINARY},
                        r -> new Object[] {r.nextInt(8) == 0 ? null : bytes(r.nextInt(3), 0xFF, r.nextInt(4))}),
                new KeyCase(new ArrowType[] {VARCHAR, INT}, new ArrowType[] {VARCHAR, BIGINT},
                        r -> new Object[] {r.nextInt(10) == 0 ? null : "s" + r.nextInt(4), smallKey(r)}));
        for (KeyCase keyCase : cases) {
            int keys = keyCase.leftTypes.length;
            // Left: keys then a payload. Right: a payload then the keys in reverse column order.
            List<Field> leftFields = new ArrayList<>();
            List<Field> rightFields = new ArrayList<>();
            rightFields.add(field("rpayload", VARCHAR));
            int[] leftKeys = new int[keys];
            int[] rightKeys = new int[keys];
            for (int k = 0; k < keys; k++) {
                leftFields.add(field("lk" + k, keyCase.leftTypes[k]));
                rightFields.add(field("rk" + (keys - 1 - k), keyCase.rightTypes[keys - 1 - k]));
                leftKeys[k] = k;
                rightKeys[k] = 1 + (keys - 1 - k);
            }
            leftFields.add(field("lpayload", BIGINT));
            List<List<Object>> leftRows = randomRows(random, 200 + random.nextInt(200), i -> {
                List<Object> row = new ArrayList<>(Arrays.asList(keyCase.keys.apply(random)));
                row.add((long) i);
                return row;
            });
            List<List<Object>> rightRows = randomRows(random, 100 + random.nextInt(200), i -> {
                List<Object> row = new ArrayList<>();
                row.add("r" + i);
                List<Object> values = new ArrayList<>(Arrays.asList(keyCase.keys.apply(random)));
                Collections.reverse(values);
                row.addAll(values);
                return row;
            });
            List<List<Object>> expected = referenceJoin(kind, leftRows, rightRows, leftKeys, rightKeys, null,
                    leftFields.size(), rightFields.size());
            List<List<Object>> actual = join(kind, new Schema(leftFields), leftRows, new Schema(rightFields),
                    rightRows, leftKeys, rightKeys, null, 1 + random.nextInt(100));
            assertMultiset(expected, actual, kind + " on " + List.of(keyCase.leftTypes));
        }
    }

    @Test
    void cancellationStopsTheJoinAndFreesItsMemory() {
        QueryCancellation cancellation = new QueryCancellation();
        ExecutionContext context = new ExecutionContext(allocator, cancellation, 64);
        Schema schema = schema(field("k", BIGINT));
        List<List<Object>> rows = randomRows(new Random(1), 5000, i -> row((long) (i % 100)));
        RowSource left = new RowSource(allocator, schema, rows, 100);
        RowSource right = new RowSource(allocator, schema, rows, 100);
        left.beforeBatch(() -> {
            if (left.batches() == 3) {
                cancellation.cancel("test");
            }
        });
        HashJoinOperator join = new HashJoinOperator(context, left, right, JoinKind.INNER, new int[] {0},
                new int[] {0}, schema(field("a", BIGINT), field("b", BIGINT)), null);
        PolaroidException e = assertThrows(PolaroidException.class, () -> {
            while (join.next() != null) {
                // keep pulling until the cancellation hits
            }
        });
        assertEquals(ErrorCode.QUERY_CANCELED, e.code());
        join.close();
        assertTrue(left.closed() && right.closed(), "inputs closed with the join");
    }

    @Test
    void buildSideOverTheMemoryLimitFailsWith53200() {
        BufferAllocator limited = allocator.newChildAllocator("query", 0, 256 * 1024);
        ExecutionContext context = new ExecutionContext(limited, new QueryCancellation(), 1024);
        Schema schema = schema(field("k", BIGINT), field("s", VARCHAR));
        List<List<Object>> rows = randomRows(new Random(2), 20_000, i -> row((long) i, "some string value " + i));
        HashJoinOperator join = new HashJoinOperator(context, new RowSource(allocator, schema, List.of(row(1L, "x"))),
                new RowSource(allocator, schema, rows, 1000), JoinKind.INNER, new int[] {0}, new int[] {0},
                schema(field("a", BIGINT), field("b", VARCHAR), field("c", BIGINT), field("d", VARCHAR)), null);
        PolaroidException e = assertThrows(PolaroidException.class, join::next);
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
        assertTrue(e.getMessage().contains("hash join"), e.getMessage());
        join.close();
        assertEquals(0, limited.getAllocatedMemory());
        limited.close();
    }

    @Test
    void rejectsIncompatibleKeysAndWrongOutputSchemas() {
        ExecutionContext context = BatchFixtures.context(allocator, 16);
        Schema longs = schema(field("k", BIGINT));
        Schema strings = schema(field("k", VARCHAR));
        try (RowSource a = new RowSource(allocator, longs, List.of()); RowSource b = new RowSource(allocator, strings, List.of())) {
            assertThrows(IllegalArgumentException.class, () -> new HashJoinOperator(context, a, b, JoinKind.INNER,
                    new int[] {0}, new int[] {0}, schema(field("a", BIGINT), field("b", VARCHAR)), null));
            assertThrows(IllegalArgumentException.class, () -> new HashJoinOperator(context, a, a, JoinKind.INNER,
                    new int[] {0}, new int[] {0}, schema(field("a", BIGINT)), null));
            assertThrows(IllegalArgumentException.class, () -> new HashJoinOperator(context, a, a, JoinKind.SEMI,
                    new int[] {0}, new int[] {1}, longs, null));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private record KeyCase(ArrowType[] leftTypes, ArrowType[] rightTypes, Function<Random, Object[]> keys) {
    }

    /** A residual {@code left[l] < pairs[r]} over the candidate batch; NULL is false. */
    private record LessThanFilter(int leftColumn, int rightColumn) implements JoinFilter {
        @Override
        public int select(Batch candidates, int[] selected) {
            int n = 0;
            for (int i = 0; i < candidates.rowCount(); i++) {
                Object l = BatchFixtures.read(candidates.column(leftColumn), i);
                Object r = BatchFixtures.read(candidates.column(rightColumn), i);
                if (l != null && r != null && (Long) l < (Long) r) {
                    selected[n++] = i;
                }
            }
            return n;
        }
    }

    private List<List<Object>> join(JoinKind kind, Schema left, List<List<Object>> leftRows, Schema right,
                                    List<List<Object>> rightRows, int[] leftKeys, int[] rightKeys, JoinFilter residual,
                                    int batchRows) {
        List<Field> out = new ArrayList<>(left.getFields());
        if (kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
            out.addAll(right.getFields());
        }
        RowSource leftSource = new RowSource(allocator, left, leftRows, 7, 64, 1, 33);
        RowSource rightSource = new RowSource(allocator, right, rightRows, 50, 3, 128);
        try (HashJoinOperator join = new HashJoinOperator(BatchFixtures.context(allocator, batchRows), leftSource,
                rightSource, kind, leftKeys, rightKeys, new Schema(out), residual)) {
            return BatchFixtures.drain(join, batchRows);
        } finally {
            assertTrue(leftSource.closed() && rightSource.closed());
        }
    }

    private static List<List<Object>> referenceJoin(JoinKind kind, List<List<Object>> leftRows,
                                                    List<List<Object>> rightRows, int[] leftKeys, int[] rightKeys,
                                                    BiPredicate<List<Object>, List<Object>> residual,
                                                    int leftWidth, int rightWidth) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[rightRows.size()];
        for (List<Object> l : leftRows) {
            boolean matched = false;
            for (int j = 0; j < rightRows.size(); j++) {
                List<Object> r = rightRows.get(j);
                if (keysEqual(l, r, leftKeys, rightKeys) && (residual == null || residual.test(l, r))) {
                    matched = true;
                    rightMatched[j] = true;
                    if (kind != JoinKind.SEMI && kind != JoinKind.ANTI) {
                        out.add(concat(l, r));
                    }
                }
            }
            if ((kind == JoinKind.SEMI && matched) || (kind == JoinKind.ANTI && !matched)) {
                out.add(l);
            }
            if (!matched && (kind == JoinKind.LEFT || kind == JoinKind.FULL)) {
                out.add(concat(l, nulls(rightWidth)));
            }
        }
        if (kind == JoinKind.RIGHT || kind == JoinKind.FULL) {
            for (int j = 0; j < rightRows.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(concat(nulls(leftWidth), rightRows.get(j)));
                }
            }
        }
        return out;
    }

    private static boolean keysEqual(List<Object> l, List<Object> r, int[] leftKeys, int[] rightKeys) {
        for (int k = 0; k < leftKeys.length; k++) {
            if (!sqlEqual(l.get(leftKeys[k]), r.get(rightKeys[k]))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sqlEqual(Object a, Object b) {
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue() || (x.isNaN() && y.isNaN());
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    private static List<Object> nulls(int n) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            row.add(null);
        }
        return row;
    }

    private static Long smallKey(Random random) {
        return random.nextInt(8) == 0 ? null : (long) random.nextInt(40) - 10;
    }

    private static Object nullable(Random random, long value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static Double pickDouble(Random random) {
        double[] values = {0.0, -0.0, Double.NaN, 1.5, -2.25, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300};
        return random.nextInt(9) == 0 ? null : values[random.nextInt(values.length)];
    }

    static List<List<Object>> randomRows(Random random, int count, IntFunction<List<Object>> generator) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(generator.apply(i));
        }
        return rows;
    }

    static void assertMultiset(List<List<Object>> expected, List<List<Object>> actual) {
        assertMultiset(expected, actual, "");
    }

    static void assertMultiset(List<List<Object>> expected, List<List<Object>> actual, String what) {
        Map<List<Object>, Integer> want = counts(expected);
        Map<List<Object>, Integer> got = counts(actual);
        if (!want.equals(got)) {
            Map<List<Object>, Integer> missing = new HashMap<>(want);
            got.forEach((row, n) -> missing.merge(row, -n, Integer::sum));
            missing.values().removeIf(n -> n == 0);
            throw new AssertionError(what + ": expected " + expected.size() + " rows, got " + actual.size()
                    + "; count differences (expected - actual): " + first(missing));
        }
    }

    private static Map<List<Object>, Integer> counts(List<List<Object>> rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (List<Object> row : rows) {
            counts.merge(row, 1, Integer::sum);
        }
        return counts;
    }

    private static String first(Map<List<Object>, Integer> map) {
        StringBuilder text = new StringBuilder();
        map.entrySet().stream().limit(10).forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append(' '));
        return text.toString();
    }
}
