package io.polaroid.engine.exec.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
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

    /** Null for a single Utf8/Binary key, whose bytes are hashed straight from the vector. */
    private final KeySerializer serializer;
    private final boolean nullsAreKeys;
    private final BufferAllocator allocator;
    private final MemoryReservation memory;

    private final List<ArrowBuf> pages = new ArrayList<>();
    private ArrowBuf[] pageArray = new ArrowBuf[0];
    private long pageUsed;

    /** Per id: arena address (page << 32 | offset), length, full hash (for rehashing). */
    private long[] idAddress = new long[0];
    private int[] idLength = new int[0];
    private long[] idHash = new long[0];
    /** Per slot: hash tag (high 32 bits) | id + 1 (low 32 bits); 0 = empty. */
    private long[] slots = new long[0];
    private int size;
    private int nullId = -1;

    // The current batch's keys: row i is bytes [starts[i], starts[i] + lengths[i]) of keyBytes.
    private ArrowBuf keyBytes;
    private int[] starts = new int[0];
    private int[] lengths = new int[0];
    private boolean[] rowNull = new boolean[0];

    BytesKeyTable(KeySerializer serializer, boolean nullsAreKeys, BufferAllocator allocator,
                  MemoryReservation memory) {
        this.serializer = serializer;
        this.nullsAreKeys = nullsAreKeys;
        this.allocator = allocator;
        this.memory = memory;
        resizeSlots(16);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void insert(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys, rowCount, ids, true);
    }

    @Override
    public void lookup(List<FieldVector> keys, int rowCount, int[] ids) {
        probe(keys, rowCount, ids, false);
    }

    private void probe(List<FieldVector> keys, int rowCount, int[] ids, boolean add) {
        boolean nullRows = prepare(keys, rowCount);
        for (int i = 0; i < rowCount; i++) {
            if (nullRows && rowNull[i]) {
                ids[i] = !nullsAreKeys ? -1 : add && nullId < 0 ? (nullId = size++) : nullId;
                continue;
            }
            int start = starts[i];
            int length = lengths[i];
            long hash = Hashing.hashBytes(keyBytes, start, length);
            ids[i] = find(start, length, hash, add);
        }
    }

    /** Points starts/lengths at this batch's key bytes; returns whether some rows are NULL keys. */
    private boolean prepare(List<FieldVector> keys, int rowCount) {
        if (serializer != null) {
            serializer.serialize(keys, rowCount);
            keyBytes = serializer.buffer();
            starts = serializer.starts();
            lengths = serializer.lengths();
            rowNull = serializer.hasNull();
            return !nullsAreKeys;
        }
        FieldVector column = keys.get(0);
        if (starts.length < rowCount) {
            int capacity = Math.max(rowCount, starts.length * 2);
            starts = new int[capacity];
            lengths = new int[capacity];
            rowNull = new boolean[capacity];
        }
        ArrowBuf offsets = column.getOffsetBuffer();
        int previous = offsets.getInt(0);
        for (int i = 0; i < rowCount; i++) {
            int next = offsets.getInt(((long) i + 1) << 2);
            starts[i] = previous;
            lengths[i] = next - previous;
            previous = next;
        }
        keyBytes = column.getDataBuffer();
        if (!ColumnValues.mayHaveNulls(column)) {
            return false;
        }
        ArrowBuf validity = column.getValidityBuffer();
        for (int i = 0; i < rowCount; i++) {
            rowNull[i] = ColumnValues.isNull(validity, i);
        }
        return true;
    }

    private int find(int start, int length, long hash, boolean add) {
        int mask = slots.length - 1;
        int slot = (int) hash & mask;
        int tag = (int) (hash >>> 32);
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                if (!add) {
                    return -1;
                }
                int id = addKey(start, length, hash);
                slots[slot] = ((long) tag << 32) | (id + 1L);
                if (size * 2L > slots.length) {
                    resizeSlots(slots.length * 2);
                }
                return id;
            }
            if ((int) (entry >>> 32) == tag) {
                int id = (int) entry - 1;
                if (idLength[id] == length && sameBytes(id, start, length)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameBytes(int id, int start, int length) {
        if (length == 0) {
            return true;
        }
        long address = idAddress[id];
        ArrowBuf page = pageArray[(int) (address >>> 32)];
        long offset = address & 0xFFFFFFFFL;
        return ByteFunctionHelpers.equal(keyBytes, start, (long) start + length, page, offset, offset + length) == 1;
    }

    private int addKey(int start, int length, long hash) {
        int id = size++;
        if (id >= idLength.length) {
            // >=: the NULL key takes an id without an entry here, so ids can step past the arrays' end.
            int capacity = Math.max(id + 1, Math.max(16, idLength.length * 2));
            memory.reserve((capacity - idLength.length) * ID_ENTRY_BYTES);
            idAddress = Arrays.copyOf(idAddress, capacity);
            idLength = Arrays.copyOf(idLength, capacity);
            idHash = Arrays.copyOf(idHash, capacity);
        }
        idAddress[id] = store(start, length);
        idLength[id] = length;
        idHash[id] = hash;
        return id;
    }

    /** Copies a key into the arena; returns its address. */
    private long store(int start, int length) {
        if (pageArray.length == 0 || pageUsed + length > pageArray[pageArray.length - 1].capacity()) {
            pages.add(allocator.buffer(Math.max(PAGE_BYTES, length)));
            pageArray = pages.toArray(new ArrowBuf[0]);
            pageUsed = 0;
        }
        int page = pageArray.length - 1;
        long offset = pageUsed;
        pageArray[page].setBytes(offset, keyBytes, start, length);
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
        if (serializer != null) {
            serializer.close();
        }
        slots = new long[0];
        memory.close();
    }
}
