package io.polaroid.bench.workload;

import java.util.List;
import java.util.Objects;

/**
 * One benchmarked statement. The same SQL text runs on every target: both dialects accept it, so the
 * comparison never depends on a rewrite.
 *
 * @param id       short name for {@code --queries} and the report, e.g. {@code q6}
 * @param title    what the query does, one line
 * @param sql      the statement
 * @param datasets the tables it reads (only those are set up when a subset of queries is chosen)
 */
public record BenchQuery(String id, String title, String sql, List<String> datasets) {
    public BenchQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sql, "sql");
        datasets = List.copyOf(datasets);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("query " + id + " reads no dataset");
        }
    }
}
