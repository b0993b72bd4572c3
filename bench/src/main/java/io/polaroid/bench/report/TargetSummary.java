package io.polaroid.bench.report;

import io.polaroid.bench.run.OpenTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target as the report shows it.
 *
 * @param id           e.g. {@code duckdb-memory}
 * @param label        column header
 * @param description  version, threads, URL, storage
 * @param setupSeconds connecting, registering and (in memory) loading every dataset
 * @param datasetRows  {@code COUNT(*)} of each dataset as this target sees it
 * @param error        why setup failed
 */
public record TargetSummary(String id, String label, String description, double setupSeconds,
                            Map<String, Long> datasetRows, Optional<String> error) {
    public TargetSummary {
        Objects.requireNonNull(id, "id");
        datasetRows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(datasetRows));
    }

    public static TargetSummary of(OpenTarget target) {
        return new TargetSummary(target.target().id(), target.target().label(), target.description(),
                target.setupSeconds(), target.datasetRows(), target.error());
    }
}
