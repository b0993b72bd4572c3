package io.polaroid.server.ingest;

import com.google.protobuf.ByteString;
import io.polaroid.catalog.DatasetName;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code CREATE TABLE name (column type, ...)}: creates a dataset without rows whose Parquet file holds
 * the declared columns; rows are added by a bulk {@code INSERT} or an ingest with mode append.
 */
final class CreateTableStatement extends BulkStatement {
    private static final Schema NONE = new Schema(List.of());

    private final IngestService ingest;
    private final DatasetName dataset;
    private final Schema columns;
    private final boolean ifNotExists;

    CreateTableStatement(ByteString handle, String sql, IngestService ingest, DatasetName dataset, Schema columns,
                         boolean ifNotExists) {
        super(handle, sql);
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.columns = Objects.requireNonNull(columns, "columns");
        this.ifNotExists = ifNotExists;
    }

    @Override
    public Schema resultSchema() {
        return NONE;
    }

    @Override
    public Schema parameterSchema() {
        return NONE;
    }

    @Override
    public Operation operation() {
        return Operation.COMMAND;
    }

    @Override
    public long execute(BatchSource parameterRows) {
        if (parameterRows.next() != null) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "CREATE TABLE takes no parameters");
        }
        ingest.createEmpty(dataset, columns, ifNotExists);
        return 0;
    }
}
