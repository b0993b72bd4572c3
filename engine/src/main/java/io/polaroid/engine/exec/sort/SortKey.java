package io.polaroid.engine.exec.sort;

/**
 * One ORDER BY key of a {@link SortOperator}.
 *
 * @param column     input column index
 * @param ascending  ascending or descending
 * @param nullsFirst whether NULLs come before all values (independently of the direction)
 */
public record SortKey(int column, boolean ascending, boolean nullsFirst) {
    public SortKey {
        if (column < 0) {
            throw new IllegalArgumentException("sort column must not be negative: " + column);
        }
    }
}
