package io.polaroid.bench.run;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one target did with one query: the timed runs, or the error that stopped it.
 *
 * @param firstRunMillis the first (untimed) run, which also computed the digest: includes cold-start costs
 * @param runMillis      wall time of each timed run: execute, fetch every value, close
 * @param rows           rows of the result
 * @param digest         fingerprint of the result (from the first run)
 * @param error          why the query failed; empty when it ran
 */
public record Measurement(double firstRunMillis, List<Double> runMillis, long rows, ResultDigest digest,
                          Optional<String> error) {
    public Measurement {
        runMillis = List.copyOf(runMillis);
        Objects.requireNonNull(error, "error");
    }

    static Measurement failed(String error) {
        return new Measurement(Double.NaN, List.of(), -1, null, Optional.of(error));
    }

    public boolean ok() {
        return error.isEmpty() && !runMillis.isEmpty();
    }

    public double medianMillis() {
        double[] sorted = runMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public double minMillis() {
        return runMillis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return error.map(e -> "error: " + e).orElseGet(() -> "median " + medianMillis() + " ms, min " + minMillis()
                + " ms, runs " + Arrays.toString(runMillis.toArray()) + ", rows " + rows);
    }
}
