package io.polaroid.columnar;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * A view of {@code rowCount} rows held in Arrow vectors, one vector per column.
 *
 * <p>A batch does not own its vectors: the {@link BatchSource} that produced it does, and the batch is
 * valid only until that source's next call to {@link BatchSource#next()} or {@link BatchSource#close()}.
 * This lets a source hand out shared data (a dataset cached in memory) or reuse its buffers without
 * copying. A consumer that needs rows for longer (a sort, a hash-join build side, a cache loader)
 * copies them into vectors of its own.
 *
 * <p>Rows are {@code [0, rowCount)} of every vector. A vector's own value count may be larger (a shared
 * vector sliced by a LIMIT, say), so readers must use {@link #rowCount()}, never the vector's count, and
 * must never write to a batch's vectors.
 */
public final class Batch {
    private final List<FieldVector> columns;
    private final int rowCount;

    public Batch(List<FieldVector> columns, int rowCount) {
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative: " + rowCount);
        }
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        for (FieldVector column : this.columns) {
            if (column.getValueCount() < rowCount) {
                throw new IllegalArgumentException("column " + column.getName() + " holds "
                        + column.getValueCount() + " values, fewer than the batch's " + rowCount + " rows");
            }
        }
        this.rowCount = rowCount;
    }

    public int rowCount() {
        return rowCount;
    }

    public int columnCount() {
        return columns.size();
    }

    public FieldVector column(int index) {
        return columns.get(index);
    }

    public List<FieldVector> columns() {
        return columns;
    }
}
