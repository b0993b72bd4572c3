package io.polaroid.engine.exec.vector;

/**
 * Open addressing from {@code long} keys to ids, with linear probing: each slot is a (key, id + 1) pair of
 * adjacent {@code long}s, so a probe touches one cache line; the table doubles at half full. A small bloom
 * filter (one bit per key hash) lets a lookup of an absent key return without reading the slots: a join's
 * build side often outgrows the caches while most probe keys miss (a filtered dimension table), and the
 * filter stays small enough to be cached. Memory is accounted to the owner's {@link MemoryReservation}.
 * The table that owns this one hands out the ids.
 */
final class LongSlots {
    private static final long FIBONACCI = 0x9E3779B97F4A7C15L;
    /** A second multiplier, so that the bloom filter's bit is independent of the slot. */
    private static final long BLOOM_MULTIPLIER = 0xC2B2AE3D27D4EB4FL;

    private final MemoryReservation memory;
    /** slots[2s] = key, slots[2s + 1] = id + 1 (0: empty slot). */
    private long[] slots;
    private int capacity;
    private int shift;
    private int keys;
    private long[] bloom;
    private int bloomShift;

    LongSlots(MemoryReservation memory) {
        this.memory = memory;
        allocate(16);
    }

    /** The id of {@code key}, or -1. Only reads, so lookups on several threads may run at once. */
    int find(long key) {
        long bit = (key * BLOOM_MULTIPLIER) >>> bloomShift;
        if ((bloom[(int) (bit >>> 6)] & (1L << bit)) == 0) {
            return -1; // certainly absent, without touching the (much larger) slot array
        }
        long[] slots = this.slots;
        int mask = capacity - 1;
        int slot = (int) ((key * FIBONACCI) >>> shift);
        while (true) {
            int at = slot << 1;
            long stored = slots[at + 1];
            if (stored == 0) {
                return -1;
            }
            if (slots[at] == key) {
                return (int) stored - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of {@code key}; if absent, adds it with {@code newId} and returns that. */
    int findOrInsert(long key, int newId) {
        long[] slots = this.slots;
        int mask = capacity - 1;
        int slot = (int) ((key * FIBONACCI) >>> shift);
        while (true) {
            int at = slot << 1;
            long stored = slots[at + 1];
            if (stored == 0) {
                slots[at] = key;
                slots[at + 1] = newId + 1L;
                addToBloom(key);
                if (++keys * 2L > capacity) {
                    grow();
                }
                return newId;
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
        allocate(oldCapacity * 2);
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
                addToBloom(key);
            }
        }
        memory.release(oldCapacity * 16L);
    }

    private void allocate(int newCapacity) {
        if (newCapacity > 1 << 29) {
            throw new IllegalStateException("hash table of more than 2^28 keys");
        }
        memory.reserve(newCapacity * 16L);
        slots = new long[2 * newCapacity];
        capacity = newCapacity;
        shift = 64 - Integer.numberOfTrailingZeros(newCapacity);
        // 4 bits per slot, at least 8 per key: 1/32 of the slots' size
        int bloomBits = Math.max(64, newCapacity * 4);
        if (bloom != null) {
            memory.release(bloom.length * 8L);
        }
        memory.reserve(bloomBits / 8);
        bloom = new long[bloomBits / 64];
        bloomShift = 64 - Integer.numberOfTrailingZeros(bloomBits);
    }

    private void addToBloom(long key) {
        long bit = (key * BLOOM_MULTIPLIER) >>> bloomShift;
        bloom[(int) (bit >>> 6)] |= 1L << bit;
    }

    /** Releases the accounted memory (the arrays go with the garbage). */
    void release() {
        memory.release(capacity * 16L + bloom.length * 8L);
        slots = new long[2];
        bloom = new long[1];
        capacity = 1;
    }
}
