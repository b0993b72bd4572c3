package io.polaroid.engine.exec.ops;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.types.InternalValues;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Rows (as {@code Object[]} of Calcite's internal values) over batches: the bridge from vectors into
 * Calcite's row engine. Each enumeration opens a fresh source, because Calcite may enumerate an input
 * more than once (the inner side of a nested-loop join, say); closing the enumerator closes the source.
 */
public final class BatchesToRows extends AbstractEnumerable<Object[]> {
    private final Supplier<BatchSource> sources;
    private final List<RelDataType> types;
    private final ExecutionContext context;

    public BatchesToRows(ExecutionContext context, Supplier<BatchSource> sources, RelDataType rowType) {
        this.context = context;
        this.sources = sources;
        this.types = rowType.getFieldList().stream().map(f -> f.getType()).toList();
    }

    @Override
    public Enumerator<Object[]> enumerator() {
        return new RowEnumerator(sources.get());
    }

    private final class RowEnumerator implements Enumerator<Object[]> {
        private final BatchSource source;
        private InternalValues.Reader[] readers;
        private int rowCount;
        private int row;
        private Object[] current;
        private boolean done;

        RowEnumerator(BatchSource source) {
            this.source = source;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (row >= rowCount) {
                if (done) {
                    return false;
                }
                context.checkCancelled();
                Batch batch = source.next();
                if (batch == null) {
                    done = true;
                    return false;
                }
                readers = new InternalValues.Reader[batch.columnCount()];
                for (int c = 0; c < readers.length; c++) {
                    readers[c] = InternalValues.reader(batch.column(c), types.get(c));
                }
                rowCount = batch.rowCount();
                row = 0;
            }
            Object[] values = new Object[readers.length];
            for (int c = 0; c < values.length; c++) {
                values[c] = readers[c].get(row);
            }
            row++;
            current = values;
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a batch stream cannot be rewound");
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
