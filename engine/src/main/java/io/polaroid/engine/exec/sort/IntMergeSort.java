package io.polaroid.engine.exec.sort;

/** Stable merge sort of {@code int} row ids by a comparator, without boxing. */
final class IntMergeSort {
    private static final int INSERTION_THRESHOLD = 24;

    @FunctionalInterface
    interface IntComparator {
        int compare(int a, int b);
    }

    private IntMergeSort() {
    }

    /** Sorts {@code values[from..to)}. */
    static void sort(int[] values, int from, int to, IntComparator comparator) {
        if (to - from < 2) {
            return;
        }
        int[] scratch = new int[to - from];
        sort(values, from, to, comparator, scratch);
    }

    private static void sort(int[] values, int from, int to, IntComparator comparator, int[] scratch) {
        int length = to - from;
        if (length <= INSERTION_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int value = values[i];
                int j = i - 1;
                while (j >= from && comparator.compare(values[j], value) > 0) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(values, from, middle, comparator, scratch);
        sort(values, middle, to, comparator, scratch);
        if (comparator.compare(values[middle - 1], values[middle]) <= 0) {
            return; // already in order
        }
        System.arraycopy(values, from, scratch, 0, length);
        int left = 0;
        int leftEnd = middle - from;
        int right = leftEnd;
        int out = from;
        while (left < leftEnd && right < length) {
            values[out++] = comparator.compare(scratch[right], scratch[left]) < 0 ? scratch[right++] : scratch[left++];
        }
        while (left < leftEnd) {
            values[out++] = scratch[left++];
        }
        while (right < length) {
            values[out++] = scratch[right++];
        }
    }
}
