package io.polaroid.engine.exec.vector;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * {@link KeyTable} for one integer-like, boolean or floating-point key column, held as a {@code long} in
 * {@link LongSlots}. Keys of an 8-bit, 16-bit or boolean column index a direct array instead (no hashing
 * at all).
 */
final class LongKeyTable extends KeyTable {

    private final boolean floating;
    private final boolean nullsAreKeys;
    private final MemoryReservation memory;
    /** Direct mode: ids + 1 indexed by {@code key - directBase}; null in hash mode. */
    private final int[] direct;
    private final long directBase;
    /** Hash mode: key → id; null in direct mode. */
    private final LongSlots slots;
    private int size;
    private int nullId = -1;
    private final Scratch scratch = new Scratch();

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
            slots = null;
        } else {
            direct = null;
            directBase = 0;
            slots = new LongSlots(memory);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void insert(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(scratch, keys.get(0), rowCount, ids, true);
    }

    @Override
    public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(scratch, keys.get(0), rowCount, ids, false);
    }

    @Override
    public Lookup newLookup() {
        Scratch own = new Scratch();
        return new Lookup() {
            @Override
            public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
                probe(own, keys.get(0), rowCount, ids, false);
            }

            @Override
            public void lookup(List<FieldVector> keys, int rowCount, int[] ids, boolean[] active) {
                probe(own, keys.get(0), rowCount, ids, active);
            }
        };
    }

    /** Looks up the keys of the active rows only (the others get -1). */
    private void probe(Scratch scratch, FieldVector column, int rowCount, int[] ids, boolean[] active) {
        read(scratch, column, rowCount);
        boolean nulls = ColumnValues.mayHaveNulls(column, rowCount);
        long validity = nulls ? BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3) : 0;
        long[] keys = scratch.values;
        for (int i = 0; i < rowCount; i++) {
            if (!active[i] || nulls && BufferAccess.bit(validity, i) == 0) {
                ids[i] = !active[i] || !nullsAreKeys ? -1 : nullId;
            } else {
                ids[i] = direct != null ? findDirect(keys[i], false) : find(keys[i], false);
            }
        }
    }

    /** The keys of the batch being probed, read into longs. */
    private static final class Scratch {
        long[] values = new long[0];
        double[] doubles = new double[0];
    }

    private void probe(Scratch scratch, FieldVector column, int rowCount, int[] ids, boolean add) {
        read(scratch, column, rowCount);
        boolean nulls = ColumnValues.mayHaveNulls(column, rowCount);
        long validity = nulls ? BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3) : 0;
        long[] keys = scratch.values;
        for (int i = 0; i < rowCount; i++) {
            if (nulls && BufferAccess.bit(validity, i) == 0) {
                ids[i] = !nullsAreKeys ? -1 : add && nullId < 0 ? (nullId = size++) : nullId;
            } else if (direct != null) {
                ids[i] = findDirect(keys[i], add);
            } else {
                ids[i] = find(keys[i], add);
            }
        }
    }

    private void read(Scratch scratch, FieldVector column, int rowCount) {
        if (scratch.values.length < rowCount) {
            scratch.values = new long[Math.max(rowCount, scratch.values.length * 2)];
        }
        long[] values = scratch.values;
        if (floating) {
            if (scratch.doubles.length < rowCount) {
                scratch.doubles = new double[values.length];
            }
            double[] doubles = scratch.doubles;
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
        if (!add) {
            return slots.find(key);
        }
        int id = slots.findOrInsert(key, size);
        if (id == size) {
            size++;
        }
        return id;
    }

    @Override
    public void close() {
        memory.close();
    }
}
