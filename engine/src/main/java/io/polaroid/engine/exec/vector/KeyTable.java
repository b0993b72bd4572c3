package io.polaroid.engine.exec.vector;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A hash table that gives every distinct key (one or more columns) a dense id {@code 0, 1, 2 ...}: the
 * group ids of a hash aggregate, the key ids of a hash-join build side, the seen-set of a DISTINCT aggregate.
 *
 * <p>Keys are compared as SQL grouping keys: integers by value whatever their width, every NaN equal to
 * every NaN, -0.0 equal to 0.0, strings and binaries by their bytes. Whether NULL is a key like any other
 * value (GROUP BY) or a key that never matches (joins) is fixed at creation.
 *
 * <p>Work is vectorized per batch: the key columns are read (or serialized) column at a time, hashed in one
 * loop and probed in another; only the probe compares individual keys. A single integer-like or floating
 * key is kept as a {@code long} (with a direct-indexed array for 8- and 16-bit domains), short strings and
 * booleans {@link PackedKeyTable packed} into a {@code long}, a single string key as its bytes, and any
 * other combination as {@link KeySerializer serialized} bytes. Heap arrays are
 * accounted to the allocator, key bytes live in Arrow buffers from it.
 */
public abstract class KeyTable implements AutoCloseable {

    /** Whether keys of these types can be hashed (every comparable {@link ColumnKind}). */
    public static boolean supports(List<ArrowType> keyTypes) {
        if (keyTypes.isEmpty()) {
            return false;
        }
        for (ArrowType type : keyTypes) {
            if (!ColumnKind.of(type).isComparable()) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param keyTypes     the key columns' types as inserted; lookups may use {@link ColumnKind#keysCompatible
     *                     compatible} types (an INT probe of a BIGINT table)
     * @param nullsAreKeys true: NULL is a key value (GROUP BY); false: a key with a NULL gets id -1
     * @param owner        names the operator in memory-limit errors
     */
    public static KeyTable create(List<ArrowType> keyTypes, boolean nullsAreKeys, BufferAllocator allocator,
                                  String owner) {
        Objects.requireNonNull(allocator, "allocator");
        Objects.requireNonNull(owner, "owner");
        if (!supports(keyTypes)) {
            throw new IllegalArgumentException("cannot hash keys of types " + keyTypes);
        }
        ColumnKind[] kinds = new ColumnKind[keyTypes.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ColumnKind.of(keyTypes.get(i));
        }
        MemoryReservation memory = new MemoryReservation(allocator, owner);
        if (kinds.length == 1 && (kinds[0] == ColumnKind.LONG || kinds[0] == ColumnKind.BOOL
                || kinds[0] == ColumnKind.FLOATING)) {
            return new LongKeyTable(keyTypes.get(0), nullsAreKeys, memory);
        }
        PackedKeyTable packed = PackedKeyTable.createIfPackable(kinds, nullsAreKeys, allocator, memory);
        if (packed != null) {
            return packed;
        }
        KeySerializer serializer = kinds.length == 1 && kinds[0] == ColumnKind.BYTES
                ? null : new KeySerializer(kinds, nullsAreKeys, allocator);
        return new BytesKeyTable(serializer, nullsAreKeys, allocator, memory);
    }

    /**
     * Writes the id of each row's key to {@code ids[0 .. rowCount)}, adding unseen keys. New keys get the
     * next ids in row order, so a row introduced a new key exactly when its id equals {@code size()} as it
     * was before the call plus the number of new keys in earlier rows. Rows with a NULL key get -1 unless
     * NULLs are keys.
     */
    public abstract void insert(List<FieldVector> keys, int rowCount, int[] ids);

    /** Writes the id of each row's key, or -1 when the table does not hold it (or it has a NULL). */
    public abstract void lookup(List<FieldVector> keys, int rowCount, int[] ids);

    /**
     * A reader of this table with scratch space of its own: once nothing is inserted any more, readers on
     * different threads may look keys up at the same time (the probe threads of a hash join). A reader is
     * itself single-threaded and must not outlive the table.
     */
    public abstract Lookup newLookup();

    /** Looks keys up in a {@link KeyTable} that no longer changes; see {@link #newLookup()}. */
    @FunctionalInterface
    public interface Lookup extends AutoCloseable {
        /** As {@link KeyTable#lookup}. */
        void lookup(List<FieldVector> keys, int rowCount, int[] ids);

        /** As {@link #lookup(List, int, int[])} for the rows where {@code active} is set; the others get -1. */
        default void lookup(List<FieldVector> keys, int rowCount, int[] ids, boolean[] active) {
            lookup(keys, rowCount, ids);
            for (int row = 0; row < rowCount; row++) {
                if (!active[row]) {
                    ids[row] = -1;
                }
            }
        }

        /** Releases the reader's scratch memory. */
        @Override
        default void close() {
        }
    }

    /** The number of distinct keys. */
    public abstract int size();

    @Override
    public abstract void close();

    /** The smallest power of two holding {@code entries} at a load factor of at most 1/2. */
    static int tableCapacity(int entries) {
        int capacity = 16;
        while (capacity < entries * 2L) {
            if (capacity >= 1 << 30) {
                throw new IllegalStateException("hash table of more than 2^29 keys");
            }
            capacity <<= 1;
        }
        return capacity;
    }
}
