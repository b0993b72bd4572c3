package io.polaroid.engine.exec.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link KeyTable} over keys as byte strings: the bytes of a single Utf8/Binary column, or the
 * {@link KeySerializer serialized} form of any other combination of key columns. Distinct keys are copied
 * into an arena of Arrow buffers; each slot of the open-addressing table packs 32 bits of the key's hash
 * (checked before the bytes are compared) with the key's id.
 */
final class BytesKeyTable extends KeyTable {
    private static final int PAGE_BYTES = 1 << 20;
    private static final long ID_ENTRY_BYTES = 8 + 4 + 8;

    private final boolean nullsAreKeys;
    private final BufferAllocator allocator;
    private final MemoryReservation memory;

    private final List<ArrowBuf> pages = new ArrayList<>();
    private ArrowBuf[] pageArray = new ArrowBuf[0];
    /** The pages' memory addresses (the pages stay allocated until the table closes). */
    private long[] pageAddresses = new long[0];
    private long pageUsed;

    /** Per id: arena address (page << 32 | offset), length, full hash (for rehashing). */
    private long[] idAddress = new long[0];
    private int[] idLength = new int[0];
    private long[] idHash = new long[0];
    /** Per slot: hash tag (high 32 bits) | id + 1 (low 32 bits); 0 = empty. */
    private long[] slots = new long[0];
    private int size;
    private int nullId = -1;

    /** The insert path's view of the current batch's keys. */
    private final Probe probe;

    /** @param serializer null for a single Utf8/Binary key, whose bytes are hashed straight from the vector */
    BytesKeyTable(KeySerializer serializer, boolean nullsAreKeys, BufferAllocator allocator,
                  MemoryReservation memory) {
        this.nullsAreKeys = nullsAreKeys;
        this.allocator = allocator;
        this.memory = memory;
        this.probe = new Probe(serializer);
        resizeSlots(16);
    }

    /**
     * One batch's keys as byte strings (row i is bytes {@code [starts[i], starts[i] + lengths[i])} at
     * {@code keyAddress}), with the serializer that made them: each reader has its own.
     */
    private final class Probe implements AutoCloseable {
        private final KeySerializer serializer;
        ArrowBuf keyBytes;
        long keyAddress;
        int[] starts = new int[0];
        int[] lengths = new int[0];
        boolean[] rowNull = new boolean[0];

        Probe(KeySerializer serializer) {
            this.serializer = serializer;
        }

        /** Points starts/lengths at this batch's key bytes; returns whether some rows are NULL keys. */
        boolean prepare(List<FieldVector> keys, int rowCount) {
            boolean nullRows;
            if (serializer != null) {
                serializer.serialize(keys, rowCount);
                keyBytes = serializer.buffer();
                starts = serializer.starts();
                lengths = serializer.lengths();
                rowNull = serializer.hasNull();
                nullRows = !nullsAreKeys;
            } else {
                nullRows = prepareSingleColumn(keys.get(0), rowCount);
            }
            long end = 0;
            for (int i = 0; i < rowCount; i++) {
                end = Math.max(end, (long) starts[i] + lengths[i]);
            }
            keyAddress = BufferAccess.address(keyBytes, end);
            return nullRows;
        }

        private boolean prepareSingleColumn(FieldVector column, int rowCount) {
            if (starts.length < rowCount) {
                int capacity = Math.max(rowCount, starts.length * 2);
                starts = new int[capacity];
                lengths = new int[capacity];
                rowNull = new boolean[capacity];
            }
            long offsets = BufferAccess.address(column.getOffsetBuffer(), ((long) rowCount + 1) << 2);
            int previous = MemoryUtil.getInt(offsets);
            for (int i = 0; i < rowCount; i++) {
                int next = MemoryUtil.getInt(offsets + (((long) i + 1) << 2));
                starts[i] = previous;
                lengths[i] = next - previous;
                previous = next;
            }
            keyBytes = column.getDataBuffer();
            if (!ColumnValues.mayHaveNulls(column, rowCount)) {
                return false;
            }
            long validity = BufferAccess.address(column.getValidityBuffer(), ((long) rowCount + 7) >>> 3);
            for (int i = 0; i < rowCount; i++) {
                rowNull[i] = BufferAccess.bit(validity, i) == 0;
            }
            return true;
        }

        @Override
        public void close() {
            if (serializer != null) {
                serializer.close();
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void insert(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(probe, keys, rowCount, ids, true);
    }

    @Override
    public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(probe, keys, rowCount, ids, false);
    }

    @Override
    public Lookup newLookup() {
        Probe own = new Probe(probe.serializer == null ? null : probe.serializer.copy());
        return new Lookup() {
            @Override
            public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
                probe(own, keys, rowCount, ids, false);
            }

            @Override
            public void close() {
                own.close();
            }
        };
    }

    private void probe(Probe batch, List<FieldVector> keys, int rowCount, int[] ids, boolean add) {
        boolean nullRows = batch.prepare(keys, rowCount);
        for (int i = 0; i < rowCount; i++) {
            if (nullRows && batch.rowNull[i]) {
                ids[i] = !nullsAreKeys ? -1 : add && nullId < 0 ? (nullId = size++) : nullId;
                continue;
            }
            long key = batch.keyAddress + batch.starts[i];
            int length = batch.lengths[i];
            ids[i] = find(key, length, Hashing.hashMemory(key, length), add);
        }
    }

    /** Adds the NULL key (the next id), as a batch's NULL row would. For a table that replaces another. */
    int insertNullKey() {
        if (nullId < 0) {
            nullId = size++;
        }
        return nullId;
    }

    /**
     * Adds the key whose bytes (as a batch's row would give them) are at {@code address}; returns its id.
     * For a table that takes over the keys of another, in id order.
     */
    int insertKey(long address, int length) {
        return find(address, length, Hashing.hashMemory(address, length), true);
    }

    /** The id of the {@code length} key bytes at memory {@code key}, adding them if asked; -1 if absent. */
    private int find(long key, int length, long hash, boolean add) {
        int mask = slots.length - 1;
        int slot = (int) hash & mask;
        int tag = (int) (hash >>> 32);
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                if (!add) {
                    return -1;
                }
                int id = addKey(key, length, hash);
                slots[slot] = ((long) tag << 32) | (id + 1L);
                if (size * 2L > slots.length) {
                    resizeSlots(slots.length * 2);
                }
                return id;
            }
            if ((int) (entry >>> 32) == tag) {
                int id = (int) entry - 1;
                if (idLength[id] == length && sameBytes(id, key, length)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameBytes(int id, long key, int length) {
        if (length == 0) {
            return true;
        }
        long address = idAddress[id];
        return Hashing.sameMemory(key, pageAddresses[(int) (address >>> 32)] + (address & 0xFFFFFFFFL), length);
    }

    private int addKey(long key, int length, long hash) {
        int id = size++;
        if (id >= idLength.length) {
            // >=: the NULL key takes an id without an entry here, so ids can step past the arrays' end.
            int capacity = Math.max(id + 1, Math.max(16, idLength.length * 2));
            memory.reserve((capacity - idLength.length) * ID_ENTRY_BYTES);
            idAddress = Arrays.copyOf(idAddress, capacity);
            idLength = Arrays.copyOf(idLength, capacity);
            idHash = Arrays.copyOf(idHash, capacity);
        }
        idAddress[id] = store(key, length);
        idLength[id] = length;
        idHash[id] = hash;
        return id;
    }

    /** Copies a key into the arena; returns its address. */
    private long store(long key, int length) {
        if (pageArray.length == 0 || pageUsed + length > pageArray[pageArray.length - 1].capacity()) {
            pages.add(allocator.buffer(Math.max(PAGE_BYTES, length)));
            pageArray = pages.toArray(new ArrowBuf[0]);
            pageAddresses = java.util.Arrays.copyOf(pageAddresses, pageArray.length);
            ArrowBuf added = pageArray[pageArray.length - 1];
            pageAddresses[pageArray.length - 1] = BufferAccess.address(added, added.capacity());
            pageUsed = 0;
        }
        int page = pageArray.length - 1;
        long offset = pageUsed;
        MemoryUtil.copyMemory(key, pageAddresses[page] + offset, length);
        pageUsed += length;
        return ((long) page << 32) | offset;
    }

    private void resizeSlots(int capacity) {
        if (capacity > 1 << 30) {
            throw new IllegalStateException("hash table of more than 2^29 keys");
        }
        memory.reserve(capacity * 8L);
        long[] old = slots;
        slots = new long[capacity];
        int mask = capacity - 1;
        for (long entry : old) {
            if (entry != 0) {
                long hash = idHash[(int) entry - 1];
                int slot = (int) hash & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
            }
        }
        memory.release(old.length * 8L);
    }

    @Override
    public void close() {
        for (ArrowBuf page : pages) {
            page.close();
        }
        pages.clear();
        pageArray = new ArrowBuf[0];
        pageAddresses = new long[0];
        probe.close();
        slots = new long[0];
        memory.close();
    }
}
