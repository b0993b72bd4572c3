package io.polaroid.server.ingest;

import com.google.protobuf.ByteString;
import io.polaroid.catalog.DatasetName;
import io.polaroid.columnar.BatchSource;
import io.polaroid.server.hooks.Operation;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code INSERT INTO name [(columns)] VALUES (?, ...)}: every uploaded parameter row becomes a row of the
 * dataset. The rows are appended as Parquet files in one catalog change, not one statement per row.
 */
final class BulkInsertStatement extends BulkStatement {
    private static final Schema NONE = new Schema(List.of());

    private final IngestService ingest;
    private final DatasetName dataset;
    private final List<String> columns;
    private final Schema parameters;

    /** @param parameters the dataset's fields for {@code columns}, in order */
    BulkInsertStatement(ByteString handle, String sql, IngestService ingest, DatasetName dataset, List<String> columns,
                        Schema parameters) {
        super(handle, sql);
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.columns = List.copyOf(columns);
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public Schema resultSchema() {
        return NONE;
    }

    @Override
    public Schema parameterSchema() {
        return parameters;
    }

    @Override
    public Operation operation() {
        return Operation.INGEST;
    }

    @Override
    public long execute(BatchSource parameterRows) {
        return ingest.appendByPosition(dataset, columns, parameterRows);
    }
}
