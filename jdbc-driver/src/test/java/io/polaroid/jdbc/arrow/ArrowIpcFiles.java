package io.polaroid.jdbc.arrow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;

/**
 * Arrow IPC files written by arrow-java's own writers, with the types pandas and pyarrow produce that the
 * system maps (nanosecond timestamps, large strings, millisecond dates): row {@code i} of {@code n} holds
 * {@code id = i}, {@code name = "n<i>"}, {@code big_name = "big<i>"}, {@code price = i * 1.5},
 * {@code ts = 2024-01-01T00:00:00.000001500 + i s} (naive), {@code tstz} the same instant in UTC,
 * {@code day = 2024-01-01 + i days}; the last row's {@code name} is NULL. Written in batches of 2 rows.
 */
final class ArrowIpcFiles {
    static final long TS_NANOS = 1_704_067_200_000_001_500L;

    private ArrowIpcFiles() {
    }

    static void writeFile(Path path, int rows) throws IOException {
        write(path, rows, true);
    }

    static void writeStream(Path path, int rows) throws IOException {
        write(path, rows, false);
    }

    private static void write(Path path, int rows, boolean fileFormat) throws IOException {
        try (BufferAllocator allocator = new RootAllocator();
             BigIntVector id = new BigIntVector("id", allocator);
             VarCharVector name = new VarCharVector("name", allocator);
             LargeVarCharVector bigName = new LargeVarCharVector("big_name", allocator);
             Float8Vector price = new Float8Vector("price", allocator);
             TimeStampNanoVector ts = new TimeStampNanoVector("ts", allocator);
             TimeStampNanoTZVector tstz = new TimeStampNanoTZVector("tstz", allocator, "America/New_York");
             DateMilliVector day = new DateMilliVector("day", allocator);
             VectorSchemaRoot root = new VectorSchemaRoot(List.of(id, name, bigName, price, ts, tstz, day));
             FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING);
             ArrowWriter writer = fileFormat ? new ArrowFileWriter(root, null, channel)
                     : new ArrowStreamWriter(root, null, channel)) {
            writer.start();
            for (int start = 0; start < rows; start += 2) {
                root.allocateNew();
                int count = Math.min(2, rows - start);
                for (int j = 0; j < count; j++) {
                    int i = start + j;
                    id.set(j, i);
                    if (i == rows - 1) {
                        name.setNull(j);
                    } else {
                        name.setSafe(j, ("n" + i).getBytes(StandardCharsets.UTF_8));
                    }
                    bigName.setSafe(j, ("big" + i).getBytes(StandardCharsets.UTF_8));
                    price.set(j, i * 1.5);
                    ts.set(j, TS_NANOS + i * 1_000_000_000L);
                    tstz.set(j, TS_NANOS + i * 1_000_000_000L);
                    day.set(j, (19_723L + i) * 86_400_000L);
                }
                root.setRowCount(count);
                writer.writeBatch();
            }
            writer.end();
        }
    }
}
