package io.polaroid.engine.exec.vector;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * {@link KeyTable} for one integer-like, boolean or floating-point key column, held as a {@code long}.
 * Open addressing with linear probing; each slot is a (key, id + 1) pair of adjacent {@code long}s, so a
 * probe touches one cache line. Keys of an
 * 8-bit, 16-bit or boolean column index a direct array instead (no hashing at all).
 */
final class LongKeyTable extends KeyTable {
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;

    private final boolean floating;
    private final boolean nullsAreKeys;
    private final MemoryReservation memory;
    /** Direct mode: ids + 1 indexed by {@code key - directBase}; null in hash mode. */
    private final int[] direct;
    private final long directBase;
    /** slots[2s] = key, slots[2s + 1] = id + 1 (0: empty slot). */
    private long[] slots;
    private int capacity;
    private int shift;
    private int size;
    private int nullId = -1;
    private long[] values = new long[0];
    private double[] doubles = new double[0];

    LongKeyTable(ArrowType type, boolean nullsAreKeys, MemoryReservation memory) {
        this.floating = ColumnKind.of(type) == ColumnKind.FLOATING;
        this.nullsAreKeys = nullsAreKeys;
        this.memory = memory;
        int domainBits = type instanceof ArrowType.Bool ? 1
                : type instanceof ArrowType.Int i && i.getBitWidth() <= 16 ? i.getBitWidth() : 0;
        if (domainBits > 0) {
            memory.reserve(4L << domainBits);
            direct = new int[1 << domainBits];
            directBase = type instanceof ArrowType.Bool ? 0 : -(1L << (domainBits - 1));
        } else {
            direct = null;
            directBase = 0;
            allocateSlots(16);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void insert(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys.get(0), rowCount, ids, true);
    }

    @Override
    public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys.get(0), rowCount, ids, false);
    }

    private void probe(FieldVector column, int rowCount, int[] ids, boolean add) {
        read(column, rowCount);
        boolean nulls = ColumnValues.mayHaveNulls(column);
        ArrowBuf validity = column.getValidityBuffer();
        long[] keys = values;
        for (int i = 0; i < rowCount; i++) {
            if (nulls && ColumnValues.isNull(validity, i)) {
                ids[i] = !nullsAreKeys ? -1 : add && nullId < 0 ? (nullId = size++) : nullId;
            } else if (direct != null) {
                ids[i] = findDirect(keys[i], add);
            } else {
                ids[i] = find(keys[i], add);
            }
        }
    }

    private void read(FieldVector column, int rowCount) {
        if (values.length < rowCount) {
            values = new long[Math.max(rowCount, values.length * 2)];
        }
        if (floating) {
            if (doubles.length < rowCount) {
                doubles = new double[values.length];
            }
            ColumnValues.readDoubles(column, rowCount, doubles);
            for (int i = 0; i < rowCount; i++) {
                values[i] = ColumnValues.keyBits(doubles[i]);
            }
        } else {
            ColumnValues.readLongs(column, rowCount, values);
        }
    }

    private int findDirect(long key, boolean add) {
        long index = key - directBase;
        if (index < 0 || index >= direct.length) {
            return -1; // a probe value outside the build column's domain
        }
        int id = direct[(int) index] - 1;
        if (id < 0 && add) {
            id = size++;
            direct[(int) index] = id + 1;
        }
        return id;
    }

    private int find(long key, boolean add) {
        long[] slots = this.slots;
        int mask = capacity - 1;
        int slot = (int) ((key * FIBONACCI) >>> shift);
        while (true) {
            int at = slot << 1;
            long stored = slots[at + 1];
            if (stored == 0) {
                if (!add) {
                    return -1;
                }
                int id = size++;
                slots[at] = key;
                slots[at + 1] = id + 1L;
                if (size * 2L > capacity) {
                    grow();
                }
                return id;
            }
            if (slots[at] == key) {
                return (int) stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        int oldCapacity = capacity;
        allocateSlots(oldCapacity * 2);
        int mask = capacity - 1;
        for (int s = 0; s < oldCapacity; s++) {
            long id = old[2 * s + 1];
            if (id != 0) {
                long key = old[2 * s];
                int slot = (int) ((key * FIBONACCI) >>> shift);
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = key;
                slots[2 * slot + 1] = id;
            }
        }
        memory.release(oldCapacity * 16L);
    }

    private void allocateSlots(int newCapacity) {
        if (newCapacity > 1 << 29) {
            throw new IllegalStateException("hash table of more than 2^28 keys");
        }
        memory.reserve(newCapacity * 16L);
        slots = new long[2 * newCapacity];
        capacity = newCapacity;
        shift = 64 - Integer.numberOfTrailingZeros(newCapacity);
    }

    @Override
    public void close() {
        slots = null;
        memory.close();
    }
}
