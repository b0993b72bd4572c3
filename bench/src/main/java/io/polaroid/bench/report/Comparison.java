package io.polaroid.bench.report;

import java.util.Objects;

/**
 * A pair of targets the report sets side by side, with the ratio of their medians.
 *
 * @param label      what the pair compares, e.g. {@code in memory}
 * @param targetId   the numerator (Polaroid)
 * @param baselineId the denominator (the reference: DuckDB, or embedded Polaroid for remote mode)
 */
public record Comparison(String label, String targetId, String baselineId) {
    public Comparison {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(baselineId, "baselineId");
    }
}
