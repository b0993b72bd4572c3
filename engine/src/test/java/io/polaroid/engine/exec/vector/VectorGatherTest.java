package io.polaroid.engine.exec.vector;

import static io.polaroid.engine.exec.BatchFixtures.BIGINT;
import static io.polaroid.engine.exec.BatchFixtures.BOOLEAN;
import static io.polaroid.engine.exec.BatchFixtures.VARCHAR;
import static io.polaroid.engine.exec.BatchFixtures.decimal;
import static io.polaroid.engine.exec.BatchFixtures.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polaroid.engine.exec.AllocatorTest;
import io.polaroid.engine.exec.BatchFixtures;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

class VectorGatherTest extends AllocatorTest {

    @Test
    void gathersEveryKindWithNullsAndNullAddressesAtUnalignedTargets() {
        Random random = new Random(4);
        for (ArrowType type : List.of(BIGINT, BOOLEAN, VARCHAR, decimal(20, 4))) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                values.add(random.nextInt(4) == 0 ? null : value(type, random));
            }
            try (FieldVector source = vector(type, values); FieldVector target = field("t", type).createVector(allocator)) {
                int[] rows = new int[500];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = random.nextInt(10) == 0 ? -1 : random.nextInt(values.size());
                }
                // Three calls at unaligned target positions, as a row store or an output batch fills up.
                VectorGather.gather(source, rows, 0, 3, target, 0);
                VectorGather.gather(source, rows, 3, 250, target, 3);
                VectorGather.gather(source, rows, 253, 247, target, 253);
                target.setValueCount(rows.length);
                for (int i = 0; i < rows.length; i++) {
                    Object expected = rows[i] < 0 ? null : values.get(rows[i]);
                    assertEquals(expected, BatchFixtures.read(target, i), type + " row " + i);
                }
            }
        }
    }

    @Test
    void copyRangeMatchesGatherForAlignedAndUnalignedRanges() {
        Random random = new Random(8);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(random.nextInt(3) == 0 ? null : "v" + i);
        }
        try (FieldVector source = vector(VARCHAR, values); FieldVector target = field("t", VARCHAR).createVector(allocator)) {
            VectorGather.copyRange(source, 0, 40, target, 0);   // aligned: bulk copy
            VectorGather.copyRange(source, 41, 30, target, 40); // unaligned: row by row
            VectorGather.appendNulls(target, 70, 5);
            target.setValueCount(75);
            for (int i = 0; i < 75; i++) {
                Object expected = i < 40 ? values.get(i) : i < 70 ? values.get(i + 1) : null;
                assertEquals(expected, BatchFixtures.read(target, i), "row " + i);
            }
        }
    }

    @Test
    void nestedColumnsAreCopiedValueByValue() {
        Field listField = new Field("l", FieldType.nullable(ArrowType.List.INSTANCE),
                List.of(field("item", BIGINT)));
        try (ListVector source = (ListVector) listField.createVector(allocator);
             ListVector target = (ListVector) listField.createVector(allocator)) {
            UnionListWriter writer = source.getWriter();
            for (int i = 0; i < 4; i++) {
                writer.setPosition(i);
                if (i == 2) {
                    continue; // NULL list
                }
                writer.startList();
                for (int j = 0; j <= i; j++) {
                    writer.bigInt().writeBigInt(10L * i + j);
                }
                writer.endList();
            }
            source.setValueCount(4);
            VectorGather.gather(source, new int[] {3, -1, 0, 2, 1}, 0, 5, target, 0);
            target.setValueCount(5);
            assertEquals(Arrays.asList(30L, 31L, 32L, 33L), target.getObject(0));
            assertEquals(null, target.getObject(1));
            assertEquals(List.of(0L), target.getObject(2));
            assertEquals(null, target.getObject(3));
            assertEquals(List.of(10L, 11L), target.getObject(4));
        }
    }

    @Test
    void rowStoreAddressesRowsAcrossChunks() {
        List<Field> fields = List.of(field("k", BIGINT), field("s", VARCHAR));
        int rows = RowStore.CHUNK_ROWS + 1000;
        try (RowStore store = new RowStore(allocator, fields);
             FieldVector keys = field("k", BIGINT).createVector(allocator);
             FieldVector strings = field("s", VARCHAR).createVector(allocator)) {
            for (int i = 0; i < 7000; i++) {
                BatchFixtures.write(keys, i, i % 11 == 0 ? null : (long) i);
                BatchFixtures.write(strings, i, "s" + i);
            }
            keys.setValueCount(7000);
            strings.setValueCount(7000);
            int appended = 0;
            while (appended < rows) {
                int n = Math.min(7000, rows - appended);
                store.append(List.of(keys, strings), 0, n);
                appended += n;
            }
            assertEquals(rows, store.rowCount());
            assertEquals(2, store.chunks(0).length);
            int[] ids = {0, RowStore.CHUNK_ROWS - 1, RowStore.CHUNK_ROWS, rows - 1, 11};
            try (FieldVector out = field("k", BIGINT).createVector(allocator)) {
                store.gather(0, ids, 0, ids.length, out, 0);
                out.setValueCount(ids.length);
                for (int i = 0; i < ids.length; i++) {
                    int source = ids[i] % 7000;
                    assertEquals(source % 11 == 0 ? null : (Object) (long) source, BatchFixtures.read(out, i));
                }
            }
        }
    }

    @Test
    void memoryReservationAccountsHeapStateAgainstTheLimit() {
        BufferAllocator limited = allocator.newChildAllocator("query", 0, 1000);
        try (MemoryReservation memory = new MemoryReservation(limited, "test operator")) {
            memory.reserve(600);
            assertEquals(600, limited.getAllocatedMemory());
            PolaroidException e = assertThrows(PolaroidException.class, () -> memory.reserve(600));
            assertEquals(ErrorCode.OUT_OF_MEMORY, e.code());
            assertEquals(600, limited.getAllocatedMemory(), "a failed reservation books nothing");
            memory.resize(600, 100);
            assertEquals(100, limited.getAllocatedMemory());
        }
        assertEquals(0, limited.getAllocatedMemory());
        limited.close();
    }

    private FieldVector vector(ArrowType type, List<Object> values) {
        FieldVector vector = field("v", type).createVector(allocator);
        for (int i = 0; i < values.size(); i++) {
            BatchFixtures.write(vector, i, values.get(i));
        }
        vector.setValueCount(values.size());
        return vector;
    }

    private static Object value(ArrowType type, Random random) {
        if (type.equals(BOOLEAN)) {
            return random.nextBoolean();
        }
        if (type.equals(VARCHAR)) {
            return "x".repeat(random.nextInt(5)) + random.nextInt(100);
        }
        if (type instanceof ArrowType.Decimal) {
            return BigDecimal.valueOf(random.nextLong(), 4);
        }
        return random.nextLong();
    }
}
