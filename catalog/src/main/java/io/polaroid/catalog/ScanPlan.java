package io.polaroid.catalog;

import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A planned scan of one snapshot. While the plan (or any source opened from its splits) is open, the
 * snapshot and its memory stay alive even if the dataset is refreshed or dropped.
 */
public interface ScanPlan extends AutoCloseable {

    /** The requested columns, in request order, with their dataset types. */
    Schema schema();

    /** Independent units of work; they may be opened and read on different threads at the same time. */
    List<ScanSplit> splits();

    ScanMetrics metrics();

    /** Releases the plan's hold on its snapshot. Sources already opened stay valid until closed. Idempotent. */
    @Override
    void close();
}
