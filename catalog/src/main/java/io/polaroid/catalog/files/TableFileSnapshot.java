package io.polaroid.catalog.files;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.DataFile;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.ScanMetrics;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanRequest;
import io.polaroid.catalog.ScanSplit;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ColumnStatistics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A dataset of one non-Parquet file ({@link TableFile}): no statistics, no pruning, one split per part of the
 * file ({@link TableFile#parts()}) that streams it. Never cached: every scan reads the file, after checking it
 * is still the file this snapshot saw.
 */
final class TableFileSnapshot implements DatasetSnapshot {
    private final FileTable table;
    private final DatasetName name;
    private final TableFile file;
    private final DataFile stamp;
    private final DataLocations locations;
    private final long version;

    TableFileSnapshot(FileTable table, TableFile file, DataLocations.FileStamp stamp, DataLocations locations,
                      long version) {
        this.table = Objects.requireNonNull(table, "table");
        this.name = table.name();
        this.file = Objects.requireNonNull(file, "file");
        this.stamp = new DataFile(file.path(), stamp.size(), stamp.lastModifiedMillis(), Map.of(),
                file.estimatedRows(), List.of(), file.schema());
        this.locations = Objects.requireNonNull(locations, "locations");
        this.version = version;
    }

    /** The discovered table this snapshot was opened from. */
    FileTable table() {
        return table;
    }

    @Override
    public DatasetName name() {
        return name;
    }

    @Override
    public String location() {
        return file.path().toString();
    }

    @Override
    public CacheMode cacheMode() {
        return CacheMode.NONE;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public Schema schema() {
        return file.schema();
    }

    @Override
    public List<String> partitionColumns() {
        return List.of();
    }

    @Override
    public long rowCount() {
        return file.estimatedRows();
    }

    @Override
    public long totalBytes() {
        return stamp.size();
    }

    @Override
    public List<DataFile> files() {
        return List.of(stamp);
    }

    @Override
    public Optional<ColumnStatistics> columnStatistics(String column) {
        return findExact(column).map(field -> ColumnStatistics.UNKNOWN);
    }

    @Override
    public Optional<Field> findColumn(String column) {
        Objects.requireNonNull(column, "column");
        Optional<Field> exact = findExact(column);
        if (exact.isPresent()) {
            return exact;
        }
        List<Field> matches = schema().getFields().stream().filter(f -> f.getName().equalsIgnoreCase(column)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private Optional<Field> findExact(String column) {
        return schema().getFields().stream().filter(f -> f.getName().equals(column)).findFirst();
    }

    @Override
    public ScanPlan planScan(ScanRequest request) {
        Objects.requireNonNull(request, "request");
        List<Field> fields = schema().getFields();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = fields.size() - 1; i >= 0; i--) {
            positions.put(fields.get(i).getName(), i);
        }
        // The file is read once per distinct column; a column the request repeats shares its vector.
        List<Integer> distinct = new ArrayList<>();
        int[] slots = new int[request.columns().size()];
        List<Field> output = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            String column = request.columns().get(i);
            Integer position = positions.get(column);
            if (position == null) {
                throw new PolaroidException(ErrorCode.UNDEFINED_COLUMN,
                        "column '" + column + "' does not exist in dataset " + name);
            }
            int slot = distinct.indexOf(position);
            if (slot < 0) {
                slot = distinct.size();
                distinct.add(position);
            }
            slots[i] = slot;
            output.add(fields.get(position));
        }
        List<ScanSplit> splits = new ArrayList<>(file.parts());
        for (int part = 0; part < file.parts(); part++) {
            splits.add(new FileScanSplit(part, List.copyOf(distinct), slots, new Schema(output), request.batchRows()));
        }
        return new FilePlan(new Schema(output), splits);
    }

    /** Fails, telling the user what to do, if the file vanished or changed since the snapshot was taken. */
    private void checkUnchanged() {
        var now = locations.stat(file.path()).orElseThrow(() -> new PolaroidException(ErrorCode.FILE_NOT_FOUND,
                "file '" + file.path() + "' of dataset " + name + " no longer exists"));
        if (now.size() != stamp.size() || now.lastModifiedMillis() != stamp.lastModifiedMillis()) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "file '" + file.path() + "' of dataset " + name
                    + " changed since its columns were read; run REFRESH DATASET " + name.name() + " or reconnect");
        }
    }

    private record FilePlan(Schema schema, List<ScanSplit> splits) implements ScanPlan {
        @Override
        public ScanMetrics metrics() {
            return new ScanMetrics(1, 0, 0, 0, false);
        }

        @Override
        public void close() {
            // the plan pins nothing: every split reads the file
        }
    }

    private final class FileScanSplit implements ScanSplit {
        private final int part;
        private final List<Integer> columns;
        private final int[] slots;
        private final Schema schema;
        private final int batchRows;

        FileScanSplit(int part, List<Integer> columns, int[] slots, Schema schema, int batchRows) {
            this.part = part;
            this.columns = columns;
            this.slots = slots;
            this.schema = schema;
            this.batchRows = batchRows;
        }

        @Override
        public BatchSource open(BufferAllocator allocator) {
            Objects.requireNonNull(allocator, "allocator");
            checkUnchanged();
            return new SlotSource(file.open(part, columns, batchRows, allocator), slots, schema);
        }

        @Override
        public long estimatedRows() {
            return file.estimatedRows() / file.parts();
        }

        @Override
        public String describe() {
            return "file " + file.path() + (file.parts() == 1 ? "" : " part " + part + " of " + file.parts());
        }
    }

    /** Places the columns read once each into the request's order, repeating where the request repeats. */
    private record SlotSource(BatchSource rows, int[] slots, Schema schema) implements BatchSource {
        @Override
        public Batch next() {
            Batch batch = rows.next();
            if (batch == null) {
                return null;
            }
            List<FieldVector> columns = new ArrayList<>(slots.length);
            for (int slot : slots) {
                columns.add(batch.column(slot));
            }
            return new Batch(columns, batch.rowCount());
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}
