package io.polaroid.server.ingest;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Creates, appends to or replaces datasets from uploaded Arrow batches, written as Parquet files and made
 * visible in one catalog change: a new or replacing dataset's files are written to a staging directory of
 * the {@link DataArea}, renamed into place when complete, then registered ({@code createDataset}) or
 * swapped in ({@code relocateDataset}); appended files are written to a hidden staging directory inside
 * the dataset's directory and moved in by {@code appendFiles}. An upload that fails or is interrupted at
 * any point leaves the catalog as it was and deletes what it wrote.
 */
public final class IngestService {
    /** Hidden (leading '_') so dataset listings skip it while an append is written. */
    private static final String APPEND_STAGING_PREFIX = "_polaroid-ingest-";

    private final Catalog catalog;
    private final Optional<DataArea> area;

    /** @param area where new datasets are written; empty when the server has none (an in-memory catalog) */
    public IngestService(Catalog catalog, Optional<DataArea> area) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.area = Objects.requireNonNull(area, "area");
    }

    /**
     * Ingests {@code upload} into {@code dataset}: columns by name. Creating or replacing takes the upload's
     * columns as the dataset's; appending needs each uploaded column to exist in the dataset with the same
     * type or one an {@code INSERT} converts (dataset columns the upload lacks read as NULL for the new
     * rows, so they must be nullable).
     *
     * @return the number of rows ingested
     */
    public long ingest(DatasetName dataset, IngestMode mode, BatchSource upload) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(upload, "upload");
        Optional<DatasetSnapshot> existing = catalog.snapshot(dataset);
        if (existing.isEmpty()) {
            if (mode.ifMissing() == IngestMode.IfMissing.FAIL) {
                throw new PolaroidException(ErrorCode.UNDEFINED_TABLE, "dataset " + dataset + " does not exist");
            }
            return writeNew(dataset, upload, false);
        }
        switch (mode.ifExists()) {
            case APPEND:
                return append(existing.get(), byName(existing.get(), upload.schema()), upload);
            case REPLACE:
                return writeNew(existing.get().name(), upload, true);
            default:
                throw new PolaroidException(ErrorCode.DUPLICATE_TABLE, "dataset " + existing.get().name()
                        + " already exists");
        }
    }

    /**
     * Creates a dataset without rows (one Parquet file holding only the schema): the {@code CREATE TABLE}
     * of a bulk-ingesting client.
     */
    public void createEmpty(DatasetName dataset, Schema schema, boolean ifNotExists) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(schema, "schema");
        if (catalog.snapshot(dataset).isPresent()) {
            if (ifNotExists) {
                return;
            }
            throw new PolaroidException(ErrorCode.DUPLICATE_TABLE, "dataset " + dataset + " already exists");
        }
        writeNew(dataset, BatchSources.empty(schema), false);
    }

    /**
     * Appends {@code upload} to {@code dataset}, its columns taken by position as {@code columns} (the
     * dataset's columns, in the order an {@code INSERT} names them).
     *
     * @return the number of rows appended
     */
    public long appendByPosition(DatasetName dataset, List<String> columns, BatchSource upload) {
        DatasetSnapshot snapshot = catalog.snapshot(dataset).orElseThrow(() ->
                new PolaroidException(ErrorCode.UNDEFINED_TABLE, "dataset " + dataset + " does not exist"));
        List<Field> uploaded = upload.schema().getFields();
        if (uploaded.size() != columns.size()) {
            throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "the upload has " + uploaded.size()
                    + " columns, but the INSERT into dataset " + snapshot.name() + " names " + columns.size());
        }
        List<Field> fileFields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            fileFields.add(matching(snapshot, columns.get(i), uploaded.get(i)));
        }
        return append(snapshot, checkMissingNullable(snapshot, new Schema(fileFields)), upload);
    }

    /** The schema a dataset's columns have (for the parameters of a bulk {@code INSERT}). */
    public Optional<Schema> datasetSchema(DatasetName dataset) {
        return catalog.snapshot(dataset).map(DatasetSnapshot::schema);
    }

    /**
     * Deletes what interrupted or superseded ingests left: staging directories (in the data area and
     * inside directory datasets) and data directories no dataset uses any more. Call it only while no
     * statement runs (the server does at start and stop).
     */
    public void cleanUp() {
        List<String> locations = catalog.datasets().stream().map(d -> d.location()).toList();
        area.ifPresent(data -> data.sweep(locations));
        for (String location : locations) {
            Path directory;
            try {
                directory = Path.of(location);
            } catch (RuntimeException e) {
                continue;  // a glob
            }
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (var entries = Files.newDirectoryStream(directory, APPEND_STAGING_PREFIX + "*")) {
                entries.forEach(DataArea::deleteTree);
            } catch (IOException e) {
                // an unreadable dataset directory: its queries will say so
            }
        }
    }

    private long writeNew(DatasetName dataset, BatchSource upload, boolean replace) {
        DataArea data = area.orElseThrow(() -> new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "cannot write dataset " + dataset + ": the server has no directory for ingested data (it serves an"
                        + " in-memory catalog); start it with a catalog directory"));
        Schema schema = newDatasetSchema(dataset, upload.schema());
        Path staging = data.newStaging();
        Path published = null;
        try {
            ParquetUpload.Written written = ParquetUpload.write(upload, schema, staging, true);
            published = data.publish(staging, dataset);
            if (replace) {
                catalog.relocateDataset(dataset, published.toString());
            } else {
                catalog.createDataset(dataset, published.toString(), CacheMode.NONE, false);
            }
            return written.rows();
        } catch (RuntimeException | Error e) {
            DataArea.deleteTree(staging);
            if (published != null) {
                DataArea.deleteTree(published);
            }
            throw e;
        }
    }

    private long append(DatasetSnapshot snapshot, Schema fileSchema, BatchSource upload) {
        if (!snapshot.partitionColumns().isEmpty()) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot append to dataset " + snapshot.name()
                    + ": it is partitioned by " + snapshot.partitionColumns() + " (directories), and uploaded rows"
                    + " carry no partition directory");
        }
        Path directory = Path.of(snapshot.location());
        if (!Files.isDirectory(directory)) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "cannot append to dataset " + snapshot.name()
                    + ": its location '" + snapshot.location() + "' is not a directory");
        }
        Path staging = directory.resolve(APPEND_STAGING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot write to the directory '" + directory
                    + "' of dataset " + snapshot.name() + ": " + e, e);
        }
        BatchSource assigned = AssignmentCasts.to(fileSchema, upload);
        try {
            ParquetUpload.Written written = ParquetUpload.write(assigned, fileSchema, staging, false);
            if (!written.files().isEmpty()) {
                catalog.appendFiles(snapshot.name(), written.files());
            }
            return written.rows();
        } finally {
            try {
                if (assigned != upload) {
                    assigned.close();  // frees the converted columns (closing the upload again is harmless)
                }
            } finally {
                DataArea.deleteTree(staging);
            }
        }
    }

    /** The upload's columns as a new dataset's: at least one, names unique ignoring case (as SQL matches them). */
    private static Schema newDatasetSchema(DatasetName dataset, Schema upload) {
        if (upload.getFields().isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot create dataset " + dataset
                    + " without columns");
        }
        Set<String> names = new HashSet<>();
        for (Field field : upload.getFields()) {
            if (field.getName() == null || field.getName().isBlank()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot create dataset " + dataset
                        + ": a column has no name");
            }
            if (!names.add(field.getName().toLowerCase(Locale.ROOT))) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot create dataset " + dataset
                        + ": column '" + field.getName() + "' appears twice (names are matched ignoring case)");
            }
        }
        return new Schema(upload.getFields());
    }

    /** The file schema for appending {@code upload} by column name. */
    private static Schema byName(DatasetSnapshot snapshot, Schema upload) {
        List<Field> fileFields = new ArrayList<>();
        for (Field field : upload.getFields()) {
            fileFields.add(matching(snapshot, field.getName(), field));
        }
        return checkMissingNullable(snapshot, new Schema(fileFields));
    }

    /**
     * The dataset's column {@code name}, whose type the uploaded values must have or convert to as an
     * {@code INSERT} converts them ({@link AssignmentCasts}).
     */
    private static Field matching(DatasetSnapshot snapshot, String name, Field uploaded) {
        Field column = snapshot.schema().getFields().stream()
                .filter(f -> f.getName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new PolaroidException(ErrorCode.UNDEFINED_COLUMN, "dataset " + snapshot.name()
                        + " has no column '" + name + "'"));
        if (!AssignmentCasts.assignable(uploaded.getType(), column.getType())) {
            throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "column '" + column.getName() + "' of dataset "
                    + snapshot.name() + " is " + column.getType() + ", but the upload's column '" + uploaded.getName()
                    + "' is " + uploaded.getType());
        }
        return new Field(column.getName(), new FieldType(column.isNullable(), column.getType(), null),
                column.getChildren());
    }

    /** Dataset columns the upload lacks read as NULL for its rows: they must allow NULL. */
    private static Schema checkMissingNullable(DatasetSnapshot snapshot, Schema fileSchema) {
        for (Field column : snapshot.schema().getFields()) {
            boolean uploaded = fileSchema.getFields().stream().anyMatch(f -> f.getName().equals(column.getName()));
            if (!uploaded && !column.isNullable()) {
                throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, "column '" + column.getName() + "' of dataset "
                        + snapshot.name() + " does not allow NULL, and the upload has no values for it");
            }
        }
        return fileSchema;
    }
}
