package io.polaroid.jdbc.cursor;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.VariableWidthFieldVector;

/**
 * The bytes of one value of a string or binary vector. The common 32-bit-offset layout is read
 * straight from the offset and data buffers; large, view and fixed-size layouts go through the
 * vector's own getter.
 */
final class VariableWidthBytes {
    private ArrowBuf offsets;
    private ArrowBuf data;
    private FieldVector other;

    void bind(FieldVector column) {
        if (column instanceof BaseVariableWidthVector) {
            offsets = column.getOffsetBuffer();
            data = column.getDataBuffer();
            other = null;
        } else {
            offsets = null;
            data = null;
            other = column;
        }
    }

    byte[] read(int row) {
        if (offsets != null) {
            int start = offsets.getInt((long) row * BaseVariableWidthVector.OFFSET_WIDTH);
            int end = offsets.getInt((long) (row + 1) * BaseVariableWidthVector.OFFSET_WIDTH);
            byte[] bytes = new byte[end - start];
            data.getBytes(start, bytes, 0, bytes.length);
            return bytes;
        }
        if (other instanceof FixedSizeBinaryVector) {
            return ((FixedSizeBinaryVector) other).get(row);
        }
        return ((VariableWidthFieldVector) other).get(row);
    }
}
