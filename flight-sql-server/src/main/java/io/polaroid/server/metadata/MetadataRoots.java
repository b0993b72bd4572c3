package io.polaroid.server.metadata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * Fills the small result tables of metadata commands row by row, and sends one. Values are written by
 * column type; {@code null} leaves a cell null.
 */
public final class MetadataRoots {
    private MetadataRoots() {
    }

    /** Sets row {@code row} of {@code root} to {@code values}, one per column. */
    static void setRow(VectorSchemaRoot root, int row, Object... values) {
        List<FieldVector> vectors = root.getFieldVectors();
        if (values.length != vectors.size()) {
            throw new IllegalArgumentException(values.length + " values for " + vectors.size() + " columns");
        }
        for (int c = 0; c < values.length; c++) {
            set(vectors.get(c), row, values[c]);
        }
    }

    private static void set(FieldVector vector, int row, Object value) {
        if (value == null) {
            if (vector instanceof ListVector) {
                ((ListVector) vector).setNull(row);
            } else {
                vector.setNull(row);
            }
        } else if (vector instanceof VarCharVector) {
            ((VarCharVector) vector).setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
        } else if (vector instanceof VarBinaryVector) {
            ((VarBinaryVector) vector).setSafe(row, (byte[]) value);
        } else if (vector instanceof IntVector) {
            ((IntVector) vector).setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof BitVector) {
            ((BitVector) vector).setSafe(row, (Boolean) value ? 1 : 0);
        } else if (vector instanceof org.apache.arrow.vector.UInt1Vector) {
            ((org.apache.arrow.vector.UInt1Vector) vector).setSafe(row, ((Number) value).intValue());
        } else if (vector instanceof ListVector) {
            setStrings((ListVector) vector, row, (List<?>) value);
        } else {
            throw new IllegalArgumentException("no writer for " + vector.getField());
        }
    }

    private static void setStrings(ListVector vector, int row, List<?> items) {
        UnionListWriter writer = vector.getWriter();
        writer.setPosition(row);
        writer.startList();
        for (Object item : items) {
            byte[] bytes = item.toString().getBytes(StandardCharsets.UTF_8);
            try (org.apache.arrow.memory.ArrowBuf buffer = vector.getAllocator().buffer(bytes.length)) {
                buffer.setBytes(0, bytes);
                writer.varChar().writeVarChar(0, bytes.length, buffer);
            }
        }
        writer.endList();
    }

    /** Sends {@code root} as the whole result and closes it. */
    public static void send(VectorSchemaRoot root, ServerStreamListener listener) {
        try (root) {
            listener.start(root);
            if (root.getRowCount() > 0) {
                listener.putNext();
            }
            listener.completed();
        }
    }
}
