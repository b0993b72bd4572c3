package io.polaroid.bench.workload;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The Parquet files a workload reads: generated once, deterministically, and kept on disk between runs. */
public interface WorkloadData {
    /**
     * Returns the datasets under {@code dataDirectory}, generating them first unless a complete copy of the
     * same specification is already there.
     *
     * @param log where generation progress goes
     */
    List<Dataset> prepare(Path dataDirectory, PrintStream log);

    /** What the data is, for the report: generator, sizes, layout. */
    String description();
}
