package io.polaroid.engine.exec.sort;

import static io.polaroid.engine.exec.BatchFixtures.BIGINT;
import static io.polaroid.engine.exec.BatchFixtures.BOOLEAN;
import static io.polaroid.engine.exec.BatchFixtures.DATE;
import static io.polaroid.engine.exec.BatchFixtures.DOUBLE;
import static io.polaroid.engine.exec.BatchFixtures.INT;
import static io.polaroid.engine.exec.BatchFixtures.REAL;
import static io.polaroid.engine.exec.BatchFixtures.SMALLINT;
import static io.polaroid.engine.exec.BatchFixtures.TIMESTAMP_TZ;
import static io.polaroid.engine.exec.BatchFixtures.TINYINT;
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

import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.exec.AllocatorTest;
import io.polaroid.engine.exec.BatchFixtures.RowSource;
import io.polaroid.engine.exec.BatchFixtures;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class SortOperatorTest extends AllocatorTest {

    @Test
    void doublesOrderNaNLastAndNegativeZeroWithZero() {
        Schema schema = schema(field("x", DOUBLE));
        List<List<Object>> rows = List.of(row(Double.NaN), row(1.0), row(Double.POSITIVE_INFINITY), row(-0.0),
                row((Object) null), row(Double.NEGATIVE_INFINITY), row(0.0), row(-1e300));
        List<List<Object>> sorted = sort(schema, rows, List.of(new SortKey(0, true, false)), 0, -1, 3);
        assertEquals(List.of(row(Double.NEGATIVE_INFINITY), row(-1e300)), sorted.subList(0, 2));
        assertEquals(0.0, (Double) sorted.get(2).get(0) + 0.0);
        assertEquals(0.0, (Double) sorted.get(3).get(0) + 0.0);
        assertEquals(List.of(row(1.0), row(Double.POSITIVE_INFINITY), row(Double.NaN), row((Object) null)),
                sorted.subList(4, 8));
        List<List<Object>> descending = sort(schema, rows, List.of(new SortKey(0, false, true)), 0, 3, 3);
        assertEquals(List.of(row((Object) null), row(Double.NaN), row(Double.POSITIVE_INFINITY)), descending);
    }

    @Test
    void stringsOrderByUtf8Bytes() {
        Schema schema = schema(field("s", VARCHAR));
        // UTF-16 order would put U+FF5E (a BMP char) after U+1F600 (a surrogate pair); UTF-8 does the opposite.
        List<List<Object>> rows = List.of(row("\uD83D\uDE00"), row("\uFF5E"), row("é"), row("z"), row(""),
                row("abcdefgh"), row("abcdefgh\u0000"), row("abcdefgg"), row("abcdefghi"));
        List<List<Object>> sorted = sort(schema, rows, List.of(new SortKey(0, true, true)), 0, -1, 4);
        assertEquals(List.of(row(""), row("abcdefgg"), row("abcdefgh"), row("abcdefgh\u0000"), row("abcdefghi"),
                row("z"), row("é"), row("\uFF5E"), row("\uD83D\uDE00")), sorted);
    }

    @Test
    void everyKeyTypeAgainstReference() {
        Random random = new Random(11);
        Map<ArrowType, Function<Random, Object>> generators = new HashMap<>();
        generators.put(TINYINT, r -> (long) (r.nextInt(256) - 128));
        generators.put(SMALLINT, r -> (long) (r.nextInt(65536) - 32768));
        generators.put(INT, r -> (long) r.nextInt());
        generators.put(BIGINT, Random::nextLong);
        generators.put(REAL, r -> (double) (float) (r.nextGaussian() * 100));
        generators.put(DOUBLE, r -> r.nextInt(20) == 0 ? Double.NaN : r.nextGaussian() * 1e6);
        generators.put(decimal(38, 3), r -> new BigDecimal(new BigInteger(100, r).subtract(
                BigInteger.ONE.shiftLeft(99)), 3));
        generators.put(decimal(10, 2), r -> BigDecimal.valueOf(r.nextInt(2_000_000) - 1_000_000, 2));
        generators.put(BOOLEAN, Random::nextBoolean);
        generators.put(DATE, r -> (long) r.nextInt(40000) - 20000);
        generators.put(TIMESTAMP_TZ, r -> r.nextLong() >> 8);
        generators.put(VARCHAR, r -> randomString(r));
        generators.put(VARBINARY, r -> bytes(r.nextInt(256), r.nextInt(256), r.nextInt(3)));
        for (Map.Entry<ArrowType, Function<Random, Object>> entry : generators.entrySet()) {
            Schema schema = schema(field("k", entry.getKey()), field("id", BIGINT));
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < 700; i++) {
                rows.add(row(random.nextInt(10) == 0 ? null : entry.getValue().apply(random), (long) i));
            }
            for (boolean ascending : new boolean[] {true, false}) {
                for (boolean nullsFirst : new boolean[] {true, false}) {
                    List<SortKey> keys = List.of(new SortKey(0, ascending, nullsFirst));
                    checkSorted(schema, rows, keys, 0, -1, 1 + random.nextInt(200), entry.getKey().toString());
                    checkSorted(schema, rows, keys, random.nextInt(50), random.nextInt(100), 1 + random.nextInt(64),
                            entry.getKey() + " top-N");
                }
            }
        }
    }

    @Test
    void mixedMultiKeySortAcrossChunksMatchesReferenceAndTopN() {
        Random random = new Random(3);
        Schema schema = schema(field("a", VARCHAR), field("b", DOUBLE), field("c", INT), field("id", BIGINT));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 140_000; i++) { // more than two 65536-row chunks of the row store
            rows.add(row(random.nextInt(30) == 0 ? null : "g" + random.nextInt(20),
                    random.nextInt(25) == 0 ? null : (double) random.nextInt(50),
                    random.nextInt(20) == 0 ? null : (long) random.nextInt(1000), (long) i));
        }
        List<SortKey> keys = List.of(new SortKey(0, false, false), new SortKey(1, true, true), new SortKey(2, false, false));
        checkSorted(schema, rows, keys, 0, -1, 4096, "full");
        checkSorted(schema, rows, keys, 17, 1000, 4096, "top-N");
        checkSorted(schema, rows, keys, 100_000, -1, 4096, "offset only");
        checkSorted(schema, rows, keys, 5, 3_000_000, 4096, "limit beyond the heap bound");
    }

    @Test
    void topNEqualsFullSortPlusLimitOnRandomInputs() {
        Random random = new Random(5);
        Schema schema = schema(field("k", BIGINT), field("s", VARCHAR));
        for (int round = 0; round < 30; round++) {
            int size = random.nextInt(3000);
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                rows.add(row(random.nextInt(15) == 0 ? null : (long) random.nextInt(100), "v" + i));
            }
            List<SortKey> keys = List.of(new SortKey(0, random.nextBoolean(), random.nextBoolean()),
                    new SortKey(1, true, false));
            long offset = random.nextInt(size + 10);
            long limit = random.nextInt(size + 10);
            List<List<Object>> full = sort(schema, rows, keys, 0, -1, 100);
            List<List<Object>> top = sort(schema, rows, keys, offset, limit, 1 + random.nextInt(100));
            int from = (int) Math.min(offset, full.size());
            int to = (int) Math.min(full.size(), offset + limit);
            // Keys (k, s) are unique, so the order is total and the windows must be identical.
            assertEquals(full.subList(from, to), top, "round " + round);
        }
    }

    @Test
    void emptyInputLimitZeroAndNoKeys() {
        Schema schema = schema(field("k", BIGINT));
        assertEquals(List.of(), sort(schema, List.of(), List.of(new SortKey(0, true, true)), 0, -1, 8));
        assertEquals(List.of(), sort(schema, List.of(row(1L)), List.of(new SortKey(0, true, true)), 0, 0, 8));
        assertEquals(List.of(), sort(schema, List.of(row(1L)), List.of(new SortKey(0, true, true)), 5, -1, 8));
        List<List<Object>> rows = List.of(row(3L), row(1L), row(2L));
        assertEquals(List.of(row(3L), row(1L)), sort(schema, rows, List.of(), 0, 2, 8));
        assertEquals(List.of(row(1L), row(2L)), sort(schema, rows, List.of(), 1, -1, 8));
    }

    @Test
    void cancellationDuringInputFailsWith57014AndFreesMemory() {
        Schema schema = schema(field("k", BIGINT), field("s", VARCHAR));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row((long) i, "value " + i));
        }
        for (long limit : new long[] {-1, 10}) {
            QueryCancellation cancellation = new QueryCancellation();
            RowSource input = new RowSource(allocator, schema, rows, 500);
            input.beforeBatch(() -> {
                if (input.batches() == 5) {
                    cancellation.cancel("user");
                }
            });
            SortOperator sort = new SortOperator(new ExecutionContext(allocator, cancellation, 128), input,
                    List.of(new SortKey(0, false, true)), 0, limit);
            PolaroidException e = assertThrows(PolaroidException.class, sort::next);
            assertEquals(ErrorCode.QUERY_CANCELED, e.code());
            assertEquals(6, input.batches(), "cancelled while reading the input, not before");
            sort.close();
            assertTrue(input.closed());
        }
    }

    @Test
    void sortOverTheMemoryLimitFailsWith53200() {
        BufferAllocator limited = allocator.newChildAllocator("query", 0, 512 * 1024);
        Schema schema = schema(field("k", DOUBLE));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            rows.add(row((double) i));
        }
        RowSource input = new RowSource(allocator, schema, rows, 4096);
        SortOperator sort = new SortOperator(new ExecutionContext(limited, new QueryCancellation(), 1024), input,
                List.of(new SortKey(0, true, true)), 0, -1);
        PolaroidException e = assertThrows(PolaroidException.class, sort::next);
        assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
        sort.close();
        assertEquals(0, limited.getAllocatedMemory());
        limited.close();
    }

    @Test
    void rejectsBadArguments() {
        Schema schema = schema(field("k", BIGINT));
        try (RowSource input = new RowSource(allocator, schema, List.of())) {
            ExecutionContext context = BatchFixtures.context(allocator, 8);
            assertThrows(IllegalArgumentException.class,
                    () -> new SortOperator(context, input, List.of(new SortKey(1, true, true)), 0, -1));
            assertThrows(IllegalArgumentException.class,
                    () -> new SortOperator(context, input, List.of(new SortKey(0, true, true)), -1, -1));
            assertThrows(IllegalArgumentException.class,
                    () -> new SortOperator(context, input, List.of(new SortKey(0, true, true)), 0, -2));
            assertThrows(IllegalArgumentException.class, () -> new SortKey(-1, true, true));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private List<List<Object>> sort(Schema schema, List<List<Object>> rows, List<SortKey> keys, long offset,
                                    long limit, int batchRows) {
        RowSource input = new RowSource(allocator, schema, rows, 97, 1, 500);
        try (SortOperator sort = new SortOperator(BatchFixtures.context(allocator, batchRows), input, keys, offset,
                limit)) {
            return BatchFixtures.drain(sort, batchRows);
        } finally {
            assertTrue(input.closed());
        }
    }

    /**
     * Sorts with the operator and checks the result against a reference sort: the same key values in the
     * same order, and every output row one of the input rows (rows with equal keys may come in any order).
     */
    private void checkSorted(Schema schema, List<List<Object>> rows, List<SortKey> keys, long offset, long limit,
                             int batchRows, String what) {
        Comparator<List<Object>> order = reference(keys);
        List<List<Object>> expected = new ArrayList<>(rows);
        expected.sort(order);
        int from = (int) Math.min(offset, expected.size());
        int to = limit < 0 ? expected.size() : (int) Math.min(expected.size(), offset + limit);
        expected = expected.subList(from, to);
        List<List<Object>> actual = sort(schema, rows, keys, offset, limit, batchRows);
        assertEquals(expected.size(), actual.size(), what + ": row count");
        Map<List<Object>, Integer> input = new HashMap<>();
        rows.forEach(r -> input.merge(r, 1, Integer::sum));
        for (int i = 0; i < actual.size(); i++) {
            assertEquals(0, order.compare(expected.get(i), actual.get(i)),
                    what + ": row " + i + " expected keys of " + expected.get(i) + " got " + actual.get(i));
            assertTrue(input.merge(actual.get(i), -1, Integer::sum) >= 0, what + ": row not in the input " + actual.get(i));
        }
    }

    private static Comparator<List<Object>> reference(List<SortKey> keys) {
        return (a, b) -> {
            for (SortKey key : keys) {
                Object x = a.get(key.column());
                Object y = b.get(key.column());
                if (x == null || y == null) {
                    if (x == null && y == null) {
                        continue;
                    }
                    return (x == null) == key.nullsFirst() ? -1 : 1;
                }
                int c = BatchFixtures.sqlCompare(x, y);
                if (c != 0) {
                    return key.ascending() ? c : -c;
                }
            }
            return 0;
        };
    }

    private static String randomString(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        String alphabet = "aAbz09 éü€\uD83D\uDE00";
        for (int i = 0; i < length; i++) {
            int at = random.nextInt(alphabet.length() - 1);
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }

}
