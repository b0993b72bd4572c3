package io.polaroid.bench.run;

import io.polaroid.bench.workload.BenchQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One query on every target.
 *
 * @param query        the query
 * @param measurements by target id, in target order
 * @param problems     wrong answers (a result that differs from the reference) and errors, one line each
 */
public record QueryOutcome(BenchQuery query, Map<String, Measurement> measurements, List<String> problems) {
    public QueryOutcome {
        Objects.requireNonNull(query, "query");
        measurements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
        problems = List.copyOf(problems);
    }

    public Optional<Measurement> measurement(String targetId) {
        return Optional.ofNullable(measurements.get(targetId));
    }

    /** Median of {@code targetId} over median of {@code baselineId}; empty unless both ran. */
    public Optional<Double> ratio(String targetId, String baselineId) {
        Optional<Measurement> target = measurement(targetId).filter(Measurement::ok);
        Optional<Measurement> baseline = measurement(baselineId).filter(Measurement::ok);
        if (target.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(target.get().medianMillis() / baseline.get().medianMillis());
    }
}
