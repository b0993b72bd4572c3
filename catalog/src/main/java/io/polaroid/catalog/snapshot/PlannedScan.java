package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.ScanMetrics;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanSplit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.vector.types.pojo.Schema;

/** A {@link ScanPlan} holding one pin on its snapshot (none if the snapshot was already released). */
final class PlannedScan implements ScanPlan {
    private final Schema schema;
    private final List<ScanSplit> splits;
    private final ScanMetrics metrics;
    private final Snapshot pinned;
    private final AtomicBoolean closed = new AtomicBoolean();

    PlannedScan(Schema schema, List<ScanSplit> splits, ScanMetrics metrics, Snapshot pinned) {
        this.schema = schema;
        this.splits = List.copyOf(splits);
        this.metrics = metrics;
        this.pinned = pinned;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<ScanSplit> splits() {
        return splits;
    }

    @Override
    public ScanMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && pinned != null) {
            pinned.unpin();
        }
    }
}
