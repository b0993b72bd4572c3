package io.polaroid.server.ingest;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import org.apache.arrow.vector.types.pojo.Schema;

/** Small {@link BatchSource}s the ingest code needs. */
final class BatchSources {
    private BatchSources() {
    }

    /** A source of no batches with {@code schema}. */
    static BatchSource empty(Schema schema) {
        return new BatchSource() {
            @Override
            public Schema schema() {
                return schema;
            }

            @Override
            public Batch next() {
                return null;
            }

            @Override
            public void close() {
            }
        };
    }
}
