package io.polaroid.parquet.read;

import io.polaroid.parquet.format.RowGroupMeta;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Reads one requested top-level column, batch by batch, into freshly allocated vectors. */
public interface ColumnReader {

    /** The name of the column, for messages. */
    String name();

    /** Positions the reader at the start of {@code rowGroup}. */
    void startRowGroup(RowGroupMeta rowGroup) throws IOException;

    /** The next {@code rows} rows of the current row group as a new vector owned by the caller. */
    FieldVector readBatch(int rows, BufferAllocator allocator);
}
