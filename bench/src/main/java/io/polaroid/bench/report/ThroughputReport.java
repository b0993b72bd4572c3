package io.polaroid.bench.report;

import io.polaroid.bench.run.Measurement;
import io.polaroid.bench.run.QueryOutcome;
import java.util.List;
import java.util.Locale;

/**
 * Streaming throughput of one large query per target: rows/s and MB/s from the median run, where MB is
 * the Arrow size of the result as the server streams it (the same for every driver: what crosses the
 * loopback connection, give or take framing).
 */
public final class ThroughputReport {
    private ThroughputReport() {
    }

    /**
     * @param targets     id and label of every target, in column order
     * @param resultBytes Arrow bytes of the result; 0 or less when unknown (no MB/s column then)
     */
    public static String render(QueryOutcome outcome, List<TargetSummary> targets, long resultBytes) {
        StringBuilder out = new StringBuilder();
        out.append("### Streaming `").append(outcome.query().id()).append("`: throughput\n\n");
        out.append("| target | rows | median (ms) | rows/s | MB/s |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (TargetSummary target : targets) {
            Measurement m = outcome.measurement(target.id()).orElse(null);
            if (m == null || !m.ok()) {
                out.append("| ").append(target.label()).append(" | – | error | – | – |\n");
                continue;
            }
            double seconds = m.medianMillis() / 1000;
            out.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f | %,.0f | %s |%n", target.label(), m.rows(),
                    m.medianMillis(), m.rows() / seconds,
                    resultBytes > 0 ? String.format(Locale.ROOT, "%,.0f", resultBytes / 1e6 / seconds) : "–"));
        }
        if (resultBytes > 0) {
            out.append(String.format(Locale.ROOT, "%nResult size: %,.1f MB of Arrow buffers as the server streams it.%n",
                    resultBytes / 1e6));
        }
        return out.append('\n').toString();
    }

    /** The outcome of query {@code id}, if it ran. */
    public static java.util.Optional<QueryOutcome> find(List<QueryOutcome> outcomes, String id) {
        return outcomes.stream().filter(o -> o.query().id().equals(id)).findFirst();
    }
}
