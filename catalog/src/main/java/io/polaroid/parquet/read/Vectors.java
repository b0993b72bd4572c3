package io.polaroid.parquet.read;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Allocation and sealing of the vectors the readers fill by writing their buffers directly. */
final class Vectors {
    private Vectors() {
    }

    /** Allocates room for {@code slots} values (and, for variable width, about {@code dataBytes} bytes). */
    static void allocate(FieldVector vector, int slots, long dataBytes) {
        if (vector instanceof BaseVariableWidthVector variable) {
            variable.allocateNew(Math.max(dataBytes, 64), Math.max(slots, 1));
            variable.getOffsetBuffer().setInt(0, 0);
        } else {
            vector.setInitialCapacity(Math.max(slots, 1));
            vector.allocateNew();
        }
    }

    /** Grows {@code vector} until it can hold {@code slots} values. */
    static void ensureCapacity(FieldVector vector, int slots) {
        while (vector.getValueCapacity() < slots) {
            vector.reAlloc();
        }
    }

    /** Declares slots {@code [0, count)} written (variable-width vectors track their last written slot). */
    static void seal(FieldVector vector, int count) {
        if (vector instanceof BaseVariableWidthVector variable) {
            variable.setLastSet(count - 1);
        }
        vector.setValueCount(count);
    }

    /** Zeroes every buffer of {@code vector} and its children: all null, all empty. */
    static void zero(FieldVector vector) {
        for (ArrowBuf buffer : vector.getFieldBuffers()) {
            buffer.setZero(0, buffer.capacity());
        }
        for (FieldVector child : vector.getChildrenFromFields()) {
            zero(child);
        }
    }
}
