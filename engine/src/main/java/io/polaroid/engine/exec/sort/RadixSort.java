package io.polaroid.engine.exec.sort;

/**
 * Stable LSD radix sort of {@code long} keys (signed order) carrying {@code int} payloads, 11 bits per pass.
 * One pass over the keys builds all six histograms; digits on which every key agrees are skipped, so keys
 * with a narrow range (small integers, dates) need few passes.
 */
final class RadixSort {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;
    private static final int PASSES = (64 + BITS - 1) / BITS;

    private RadixSort() {
    }

    /**
     * Sorts {@code keys[0..n)} ascending, moving {@code payload} along; {@code keyScratch} and
     * {@code payloadScratch} hold at least {@code n} entries. The result may end in the scratch arrays:
     * returns true when it did.
     */
    static boolean sort(long[] keys, int[] payload, long[] keyScratch, int[] payloadScratch, int n) {
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = keys[i] ^ Long.MIN_VALUE; // signed order as unsigned order
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][(int) (key >>> (pass * BITS)) & (BUCKETS - 1)]++;
            }
        }
        long[] fromKeys = keys;
        int[] fromPayload = payload;
        long[] toKeys = keyScratch;
        int[] toPayload = payloadScratch;
        boolean inScratch = false;
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            if (allInOneBucket(count, n)) {
                continue;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            int shift = pass * BITS;
            for (int i = 0; i < n; i++) {
                long key = fromKeys[i];
                int bucket = (int) ((key ^ Long.MIN_VALUE) >>> shift) & (BUCKETS - 1);
                int to = count[bucket]++;
                toKeys[to] = key;
                toPayload[to] = fromPayload[i];
            }
            long[] swapKeys = fromKeys;
            fromKeys = toKeys;
            toKeys = swapKeys;
            int[] swapPayload = fromPayload;
            fromPayload = toPayload;
            toPayload = swapPayload;
            inScratch = !inScratch;
        }
        return inScratch;
    }

    private static boolean allInOneBucket(int[] count, int n) {
        for (int c : count) {
            if (c != 0) {
                return c == n;
            }
        }
        return true;
    }
}
