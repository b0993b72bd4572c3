package io.polaroid.engine.exec.window;

import org.apache.arrow.vector.FieldVector;

/** The computed values of one window function for every stored row, indexed by row id. */
interface WindowResult extends AutoCloseable {
    /** Writes the values of rows {@code [fromRow, fromRow+count)} into {@code target} from index 0. */
    void write(int fromRow, int count, FieldVector target);

    /** Frees Arrow memory the result holds, if any (its heap arrays are accounted by the operator). */
    @Override
    default void close() {
    }
}
