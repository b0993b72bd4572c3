package io.polaroid.bench.workload;

import java.util.List;
import java.util.Objects;

/**
 * Named queries and the data they need.
 *
 * @param name    e.g. {@code trades}, {@code tpch}
 * @param data    how to get the Parquet files the queries read
 * @param queries the statements, in report order
 */
public record Workload(String name, WorkloadData data, List<BenchQuery> queries) {
    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        queries = List.copyOf(queries);
    }
}
