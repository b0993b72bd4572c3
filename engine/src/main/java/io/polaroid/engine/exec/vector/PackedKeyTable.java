package io.polaroid.engine.exec.vector;

import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link KeyTable} for keys made of short strings and booleans (flags, status codes, ticker symbols,
 * venues): each row's key is packed into one {@code long} and hashed as a number, instead of being
 * serialized to bytes, hashed byte by byte and compared with {@code memcmp}.
 *
 * <p>Each key column gets a field of the long: a BYTES column {@code 4 + 8 * capacity} bits (a non-NULL
 * flag, a 3-bit length, up to {@code capacity} bytes), a BOOL column 2 bits (non-NULL flag, value); a NULL
 * is an all-zero field. Equal keys pack to equal longs and different keys to different longs, so the long
 * is the key. When a batch brings a string longer than its field holds, the table turns itself into a
 * {@link BytesKeyTable}: every key seen so far is unpacked, serialized and inserted in id order (so ids stay
 * the same), and from then on that table answers.
 */
final class PackedKeyTable extends KeyTable {
    /** The longest string a field can hold: the length has 3 bits. */
    private static final int MAX_CAPACITY = 7;

    private final ColumnKind[] kinds;
    private final int[] shifts;
    private final int[] capacities;
    private final boolean nullsAreKeys;
    private final BufferAllocator allocator;
    private final MemoryReservation memory;

    /** Packed key → id, until the table becomes a bytes table. */
    private final LongSlots slots;
    private int size;
    /** The packed key of each id, to unpack them when the table turns into a bytes table. */
    private long[] keysById = new long[16];
    private final Scratch scratch = new Scratch();
    /** Not null once a key did not fit: then it holds every key. */
    private BytesKeyTable bytesTable;

    private PackedKeyTable(ColumnKind[] kinds, int[] shifts, int[] capacities, boolean nullsAreKeys,
                           BufferAllocator allocator, MemoryReservation memory) {
        this.kinds = kinds;
        this.shifts = shifts;
        this.capacities = capacities;
        this.nullsAreKeys = nullsAreKeys;
        this.allocator = allocator;
        this.memory = memory;
        memory.reserve(keysById.length * 8L);
        this.slots = new LongSlots(memory);
    }

    /**
     * A packed table for these key columns, or null when they are not all BYTES or BOOL or leave a string
     * field no room for even one byte.
     */
    static PackedKeyTable createIfPackable(ColumnKind[] kinds, boolean nullsAreKeys, BufferAllocator allocator,
                                           MemoryReservation memory) {
        int strings = 0;
        int bits = 64;
        for (ColumnKind kind : kinds) {
            if (kind == ColumnKind.BYTES) {
                strings++;
            } else if (kind == ColumnKind.BOOL) {
                bits -= 2;
            } else {
                return null;
            }
        }
        int stringCapacity = strings == 0 ? 0 : Math.min(MAX_CAPACITY, (bits / strings - 4) / 8);
        if (strings > 0 && stringCapacity < 1) {
            return null;
        }
        int[] shifts = new int[kinds.length];
        int[] capacities = new int[kinds.length];
        int position = 0;
        for (int c = 0; c < kinds.length; c++) {
            shifts[c] = position;
            capacities[c] = kinds[c] == ColumnKind.BYTES ? stringCapacity : 0;
            position += kinds[c] == ColumnKind.BYTES ? 4 + 8 * stringCapacity : 2;
        }
        return new PackedKeyTable(kinds.clone(), shifts, capacities, nullsAreKeys, allocator, memory);
    }

    @Override
    public int size() {
        return bytesTable != null ? bytesTable.size() : size;
    }

    @Override
    public void insert(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys, rowCount, ids, true);
    }

    @Override
    public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys, rowCount, ids, false);
    }

    @Override
    public Lookup newLookup() {
        if (bytesTable != null) {
            return bytesTable.newLookup();
        }
        Scratch own = new Scratch();
        return (keys, rowCount, ids) -> lookup(own, keys, rowCount, ids);
    }

    private void probe(List<FieldVector> keys, int rowCount, int[] ids, boolean add) {
        if (!add) {
            if (bytesTable != null) {
                bytesTable.lookup(keys, rowCount, ids);
            } else {
                lookup(scratch, keys, rowCount, ids);
            }
            return;
        }
        if (bytesTable == null && !pack(scratch, keys, rowCount, false)) {
            becomeBytesTable();
        }
        if (bytesTable != null) {
            bytesTable.insert(keys, rowCount, ids);
            return;
        }
        for (int i = 0; i < rowCount; i++) {
            ids[i] = scratch.rowNull[i] ? -1 : find(scratch.packed[i], true);
        }
    }

    /** Looks keys up without changing the table: a string too long to pack cannot be one of its keys. */
    private void lookup(Scratch own, List<FieldVector> keys, int rowCount, int[] ids) {
        pack(own, keys, rowCount, true);
        for (int i = 0; i < rowCount; i++) {
            ids[i] = own.rowNull[i] ? -1 : find(own.packed[i], false);
        }
    }

    /** A batch's keys, packed, and the rows that have no key here (a NULL in a join, a string too long). */
    private static final class Scratch {
        long[] packed = new long[0];
        boolean[] rowNull = new boolean[0];
    }

    /**
     * Packs every row's key into {@code scratch.packed}. A string too long for its field fails the
     * packing (false) when inserting; when only looking up, its row is marked as having no key.
     */
    private boolean pack(Scratch scratch, List<FieldVector> keys, int rowCount, boolean lookup) {
        if (scratch.packed.length < rowCount) {
            scratch.packed = new long[Math.max(rowCount, scratch.packed.length * 2)];
            scratch.rowNull = new boolean[scratch.packed.length];
        }
        long[] packed = scratch.packed;
        boolean[] rowNull = scratch.rowNull;
        java.util.Arrays.fill(packed, 0, rowCount, 0L);
        java.util.Arrays.fill(rowNull, 0, rowCount, false);
        for (int c = 0; c < kinds.length; c++) {
            FieldVector column = keys.get(c);
            boolean nulls = ColumnValues.mayHaveNulls(column, rowCount);
            long validity = nulls ? BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3) : 0;
            int shift = shifts[c];
            if (kinds[c] == ColumnKind.BOOL) {
                long data = BufferAccess.address(column.getDataBuffer(), ((long) rowCount + 7) >>> 3);
                for (int i = 0; i < rowCount; i++) {
                    long field = nulls && BufferAccess.bit(validity, i) == 0 ? 0 : 1 | (long) BufferAccess.bit(data, i) << 1;
                    packed[i] |= field << shift;
                }
            } else if (!packStrings(scratch, column, rowCount, nulls, validity, shift, capacities[c], lookup)) {
                return false;
            }
            if (nulls && !nullsAreKeys) {
                for (int i = 0; i < rowCount; i++) {
                    rowNull[i] |= BufferAccess.bit(validity, i) == 0;
                }
            }
        }
        return true;
    }

    private boolean packStrings(Scratch scratch, FieldVector column, int rowCount, boolean nulls, long validity,
                                int shift, int capacity, boolean lookup) {
        long[] packed = scratch.packed;
        long offsets = BufferAccess.address(column.getOffsetBuffer(), ((long) rowCount + 1) << 2);
        int first = MemoryUtil.getInt(offsets);
        int last = MemoryUtil.getInt(offsets + ((long) rowCount << 2));
        long data = BufferAccess.address(column.getDataBuffer(), last);
        for (int i = 0; i < rowCount; i++) {
            if (nulls && BufferAccess.bit(validity, i) == 0) {
                continue;
            }
            int start = MemoryUtil.getInt(offsets + ((long) i << 2));
            int length = MemoryUtil.getInt(offsets + (((long) i + 1) << 2)) - start;
            if (start < first || length < 0 || (long) start + length > last) {
                throw new IndexOutOfBoundsException("corrupt offsets of row " + i + " of " + column.getField());
            }
            if (length > capacity) {
                if (!lookup) {
                    return false;
                }
                scratch.rowNull[i] = true;
                continue;
            }
            long bytes = 0;
            for (int b = 0; b < length; b++) {
                bytes |= (MemoryUtil.getByte(data + start + b) & 0xFFL) << (b << 3);
            }
            packed[i] |= (1L | (long) length << 1 | bytes << 4) << shift;
        }
        return true;
    }

    private int find(long key, boolean add) {
        if (!add) {
            return slots.find(key);
        }
        int id = slots.findOrInsert(key, size);
        if (id == size) {
            if (id == keysById.length) {
                memory.reserve(keysById.length * 8L);
                keysById = java.util.Arrays.copyOf(keysById, keysById.length * 2);
            }
            keysById[size++] = key;
        }
        return id;
    }

    /**
     * Moves every key, in id order, into a {@link BytesKeyTable} in the form it gives rows of a batch: the
     * bytes of the value for a single string column, else {@link KeySerializer}'s serialization.
     */
    private void becomeBytesTable() {
        boolean single = kinds.length == 1;
        KeySerializer serializer = single ? null : new KeySerializer(kinds, nullsAreKeys, allocator);
        BytesKeyTable table = new BytesKeyTable(serializer, nullsAreKeys, allocator, memory);
        int bitmapBytes = nullsAreKeys && !single ? (kinds.length + 7) >>> 3 : 0;
        try (ArrowBuf scratch = allocator.buffer(bitmapBytes + kinds.length * (4 + MAX_CAPACITY))) {
            long address = BufferAccess.address(scratch, scratch.capacity());
            for (int id = 0; id < size; id++) {
                long key = keysById[id];
                if (single && (key & 1) == 0) {
                    table.insertNullKey();
                    continue;
                }
                MemoryUtil.setMemory(address, bitmapBytes, (byte) 0);
                int length = bitmapBytes;
                for (int c = 0; c < kinds.length; c++) {
                    long field = key >>> shifts[c];
                    if ((field & 1) == 0) {
                        long bitAt = address + (c >>> 3);
                        MemoryUtil.putByte(bitAt, (byte) (MemoryUtil.getByte(bitAt) | (1 << (c & 7))));
                    } else if (kinds[c] == ColumnKind.BOOL) {
                        MemoryUtil.putByte(address + length, (byte) ((field >>> 1) & 1));
                        length += 1;
                    } else {
                        int bytes = (int) ((field >>> 1) & 7);
                        if (!single) {
                            MemoryUtil.putInt(address + length, bytes);
                            length += 4;
                        }
                        for (int b = 0; b < bytes; b++) {
                            MemoryUtil.putByte(address + length + b, (byte) (field >>> (4 + 8 * b)));
                        }
                        length += bytes;
                    }
                }
                table.insertKey(address, length);
            }
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        bytesTable = table;
        slots.release();
        memory.release(keysById.length * 8L);
        keysById = new long[0];
    }

    @Override
    public void close() {
        if (bytesTable != null) {
            bytesTable.close(); // closes the shared memory reservation too
        } else {
            memory.close();
        }
    }
}
