package io.polaroid.catalog.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.catalog.CatalogOptions;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanRequest;
import io.polaroid.catalog.ScanSplit;
import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.TimeStampMilliVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans of CSV and Arrow IPC tables at the catalog level: projections, batch sizes, and no memory left behind. */
class FileTreeCatalogTest {
    @TempDir
    Path temp;

    private final BufferAllocator root = new RootAllocator();

    @AfterEach
    void nothingLeaks() {
        assertEquals(0, root.getAllocatedMemory(), "Arrow memory still allocated");
        root.close();
    }

    private FileTreeCatalog open() {
        return FileTreeCatalog.open(temp.toString(), CatalogOptions.builder(root).workingDirectory(temp).build());
    }

    private void writeArrow(Path file, int rows, int rowsPerBatch) throws Exception {
        try (BigIntVector id = new BigIntVector("id", root);
             TimeStampMilliVector ts = new TimeStampMilliVector("ts", root);
             VectorSchemaRoot vectors = new VectorSchemaRoot(List.of(id, ts));
             FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ArrowFileWriter writer = new ArrowFileWriter(vectors, null, channel)) {
            writer.start();
            for (int start = 0; start < rows; start += rowsPerBatch) {
                int count = Math.min(rowsPerBatch, rows - start);
                vectors.allocateNew();
                for (int i = 0; i < count; i++) {
                    id.set(i, start + i);
                    ts.set(i, (start + i) * 1000L);
                }
                vectors.setRowCount(count);
                writer.writeBatch();
            }
            writer.end();
        }
    }

    /** Sums column 0 of every batch and checks no batch exceeds {@code batchRows}. */
    private static long sum(DatasetSnapshot snapshot, List<String> columns, int batchRows, BufferAllocator allocator) {
        long total = 0;
        try (ScanPlan plan = snapshot.planScan(new ScanRequest(columns, List.of(), batchRows))) {
            for (ScanSplit split : plan.splits()) {
                try (BatchSource source = split.open(allocator)) {
                    for (Batch batch = source.next(); batch != null; batch = source.next()) {
                        assertTrue(batch.rowCount() <= batchRows);
                        assertEquals(columns.size(), batch.columnCount());
                        BigIntVector first = (BigIntVector) batch.column(0);
                        for (int i = 0; i < batch.rowCount(); i++) {
                            total += first.get(i);
                        }
                    }
                }
            }
        }
        return total;
    }

    @Test
    void csvAndArrowScansProjectRepeatAndSliceColumnsAndFreeTheirMemory() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 1000; i++) {
            csv.append(i).append(",x").append(i).append(',').append(i * 2).append('\n');
        }
        Files.writeString(temp.resolve("numbers.csv"), csv);
        writeArrow(temp.resolve("events.arrow"), 1000, 300);
        try (FileTreeCatalog catalog = open()) {
            DatasetSnapshot numbers = catalog.snapshot(DatasetName.of("NUMBERS")).orElseThrow();
            assertEquals(999 * 1000, sum(numbers, List.of("c", "a", "c"), 64, root));
            DatasetSnapshot events = catalog.snapshot(DatasetName.of("events")).orElseThrow();
            assertEquals(999 * 1000 / 2, sum(events, List.of("id", "ts", "id"), 128, root));
            assertEquals(999 * 1000 / 2, sum(events, List.of("id"), 10_000, root));
            assertEquals(2, catalog.datasets().size());
            assertEquals(4, events.planScan(new ScanRequest(List.of("id"), List.of(), 10)).splits().size(),
                    "one split per record batch");
        }
    }

    @Test
    void aSourceClosedMidStreamOrFailingMidStreamFreesItsMemory() throws Exception {
        StringBuilder csv = new StringBuilder("a\n");
        for (int i = 0; i < 1500; i++) {  // beyond the 1,000-record sample
            csv.append(i).append('\n');
        }
        csv.append("not a number\n");
        Files.writeString(temp.resolve("late.csv"), csv);
        writeArrow(temp.resolve("events.arrow"), 1000, 1000);
        try (FileTreeCatalog catalog = open()) {
            DatasetSnapshot events = catalog.snapshot(DatasetName.of("events")).orElseThrow();
            try (ScanPlan plan = events.planScan(new ScanRequest(List.of("ts"), List.of(), 100));
                 BatchSource source = plan.splits().get(0).open(root)) {
                assertEquals(100, source.next().rowCount());
            }
            DatasetSnapshot late = catalog.snapshot(DatasetName.of("late")).orElseThrow();
            PolaroidException error = assertThrows(PolaroidException.class,
                    () -> sum(late, List.of("a"), 64, root));
            assertEquals(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST, error.code());
        }
    }
}
