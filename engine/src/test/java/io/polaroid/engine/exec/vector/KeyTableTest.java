package io.polaroid.engine.exec.vector;

import static io.polaroid.engine.exec.BatchFixtures.BIGINT;
import static io.polaroid.engine.exec.BatchFixtures.DOUBLE;
import static io.polaroid.engine.exec.BatchFixtures.INT;
import static io.polaroid.engine.exec.BatchFixtures.SMALLINT;
import static io.polaroid.engine.exec.BatchFixtures.VARCHAR;
import static io.polaroid.engine.exec.BatchFixtures.field;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.exec.AllocatorTest;
import io.polaroid.engine.exec.BatchFixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;

class KeyTableTest extends AllocatorTest {

    @Test
    void idsAreDenseInFirstAppearanceOrderForEveryLayout() {
        Random random = new Random(6);
        for (List<ArrowType> types : List.of(List.of(BIGINT), List.of(SMALLINT), List.of(VARCHAR), List.of(DOUBLE),
                List.of(VARCHAR, INT))) {
            for (boolean nullsAreKeys : new boolean[] {true, false}) {
                List<FieldVector> columns = new ArrayList<>();
                List<List<Object>> rows = new ArrayList<>();
                for (int r = 0; r < 5000; r++) {
                    List<Object> row = new ArrayList<>();
                    for (ArrowType type : types) {
                        row.add(random.nextInt(30) == 0 ? null : key(type, random));
                    }
                    rows.add(row);
                }
                for (int c = 0; c < types.size(); c++) {
                    FieldVector column = field("k" + c, types.get(c)).createVector(allocator);
                    for (int r = 0; r < rows.size(); r++) {
                        BatchFixtures.write(column, r, rows.get(r).get(c));
                    }
                    column.setValueCount(rows.size());
                    columns.add(column);
                }
                try (KeyTable table = KeyTable.create(types, nullsAreKeys, allocator, "test")) {
                    int[] ids = new int[rows.size()];
                    table.insert(columns, rows.size(), ids);
                    Map<List<Object>, Integer> reference = new HashMap<>();
                    for (int r = 0; r < rows.size(); r++) {
                        List<Object> key = rows.get(r).stream().map(BatchFixtures::groupKey).toList();
                        if (!nullsAreKeys && key.contains(null)) {
                            assertEquals(-1, ids[r], "a key with NULL gets no id");
                            continue;
                        }
                        Integer expected = reference.computeIfAbsent(key, k -> reference.size());
                        assertEquals(expected, ids[r], types + " row " + r);
                    }
                    assertEquals(reference.size(), table.size());
                    int[] again = new int[rows.size()];
                    table.lookup(columns, rows.size(), again);
                    assertArrayEquals(ids, again, "lookup finds what insert added");
                } finally {
                    columns.forEach(FieldVector::close);
                }
            }
        }
    }

    @Test
    void shortStringAndBooleanKeysArePackedAndTurnIntoBytesWhenAStringGrowsLong() {
        // batch 1: strings of up to 3 bytes (they fit two 32-bit fields); batch 2 brings longer ones, and the
        // table must keep every id it gave out while it changes representation.
        Random random = new Random(11);
        List<ArrowType> types = List.of(VARCHAR, VARCHAR, BatchFixtures.BOOLEAN);
        for (boolean nullsAreKeys : new boolean[] {true, false}) {
            Map<List<Object>, Integer> reference = new HashMap<>();
            try (KeyTable table = KeyTable.create(types, nullsAreKeys, allocator, "test")) {
                assertTrue(table instanceof PackedKeyTable, table.getClass().toString());
                for (int batch = 0; batch < 3; batch++) {
                    int maxLength = batch == 0 ? 3 : 9;
                    List<List<Object>> rows = new ArrayList<>();
                    for (int r = 0; r < 3000; r++) {
                        String a = random.nextInt(25) == 0 ? null : "abcdefghij".substring(0, random.nextInt(maxLength + 1));
                        String b = random.nextInt(25) == 0 ? null : String.valueOf((char) ('A' + random.nextInt(4)));
                        Boolean flag = random.nextInt(25) == 0 ? null : random.nextBoolean();
                        rows.add(Arrays.asList(a, b, flag));
                    }
                    List<FieldVector> columns = new ArrayList<>();
                    try {
                        for (int c = 0; c < types.size(); c++) {
                            FieldVector column = field("k" + c, types.get(c)).createVector(allocator);
                            columns.add(column);
                            for (int r = 0; r < rows.size(); r++) {
                                BatchFixtures.write(column, r, rows.get(r).get(c));
                            }
                            column.setValueCount(rows.size());
                        }
                        int[] ids = new int[rows.size()];
                        table.insert(columns, rows.size(), ids);
                        for (int r = 0; r < rows.size(); r++) {
                            List<Object> key = rows.get(r);
                            if (!nullsAreKeys && key.contains(null)) {
                                assertEquals(-1, ids[r]);
                                continue;
                            }
                            Integer expected = reference.computeIfAbsent(key, k -> reference.size());
                            assertEquals(expected, ids[r], "batch " + batch + " row " + r + " " + key);
                        }
                        int[] again = new int[rows.size()];
                        table.lookup(columns, rows.size(), again);
                        assertArrayEquals(ids, again);
                    } finally {
                        columns.forEach(FieldVector::close);
                    }
                }
                assertEquals(reference.size(), table.size());
            }
        }
    }

    @Test
    void nullKeyTakingTheIdAtAGrowthBoundary() {
        // The NULL group takes an id without a stored key: here id 16, exactly where the id arrays grow.
        try (KeyTable table = KeyTable.create(List.of(VARCHAR), true, allocator, "test");
             FieldVector keys = field("k", VARCHAR).createVector(allocator)) {
            for (int i = 0; i < 18; i++) {
                BatchFixtures.write(keys, i, i == 16 ? null : "k" + i);
            }
            keys.setValueCount(18);
            int[] ids = new int[18];
            table.insert(List.of(keys), 18, ids);
            for (int i = 0; i < 18; i++) {
                assertEquals(i, ids[i]);
            }
        }
    }

    @Test
    void lookupOfUnseenKeysAndOfValuesOutsideADirectDomain() {
        try (KeyTable table = KeyTable.create(List.of(SMALLINT), false, allocator, "test");
             FieldVector build = field("k", SMALLINT).createVector(allocator);
             FieldVector probe = field("k", BIGINT).createVector(allocator)) {
            for (int i = 0; i < 3; i++) {
                BatchFixtures.write(build, i, (long) (i - 1));
            }
            build.setValueCount(3);
            table.insert(List.of(build), 3, new int[3]);
            long[] probes = {-1, 0, 1, 2, 40_000, -40_000, Long.MIN_VALUE};
            for (int i = 0; i < probes.length; i++) {
                BatchFixtures.write(probe, i, probes[i]);
            }
            probe.setValueCount(probes.length);
            int[] ids = new int[probes.length];
            table.lookup(List.of(probe), probes.length, ids);
            assertArrayEquals(new int[] {0, 1, 2, -1, -1, -1, -1}, ids);
        }
    }

    @Test
    void hashesSpreadShortAndSimilarKeys() {
        try (FieldVector strings = field("s", VARCHAR).createVector(allocator)) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 4096; i++) {
                values.add("key" + i);
            }
            for (int i = 0; i < values.size(); i++) {
                BatchFixtures.write(strings, i, values.get(i));
            }
            strings.setValueCount(values.size());
            int[] buckets = new int[256];
            for (int i = 0; i < values.size(); i++) {
                int start = strings.getOffsetBuffer().getInt(4L * i);
                int end = strings.getOffsetBuffer().getInt(4L * i + 4);
                long hash = Hashing.hashBytes(strings.getDataBuffer(), start, end - start);
                buckets[(int) (hash & 255)]++;
            }
            // 16 keys per bucket on average; a poor hash of near-identical keys would pile them up.
            assertTrue(Arrays.stream(buckets).max().getAsInt() < 40, Arrays.toString(buckets));
        }
        assertNotEquals(Hashing.hashLong(1), Hashing.hashLong(2));
        assertFalse(KeyTable.supports(List.of(new ArrowType.List())));
    }

    private static Object key(ArrowType type, Random random) {
        if (type.equals(VARCHAR)) {
            return "k" + random.nextInt(50);
        }
        if (type.equals(DOUBLE)) {
            double[] values = {0.0, -0.0, Double.NaN, 2.5, -1.0};
            return values[random.nextInt(values.length)];
        }
        if (type.equals(SMALLINT)) {
            return (long) random.nextInt(65536) - 32768;
        }
        return (long) random.nextInt(200) - 100;
    }
}
