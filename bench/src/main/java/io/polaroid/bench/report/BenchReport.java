package io.polaroid.bench.report;

import io.polaroid.bench.run.QueryOutcome;
import io.polaroid.bench.run.RunSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one benchmark run found, ready to render.
 *
 * @param command          how to run it again
 * @param started          when the run began
 * @param elapsedSeconds   the whole run, data preparation included
 * @param machine          where it ran
 * @param loadAtStart      load averages before the first query
 * @param loadAtEnd        load averages after the last one
 * @param settings         warm-ups, runs, budget
 * @param dataDescriptions one paragraph per workload's data
 * @param targets          the targets in column order
 * @param comparisons      the ratios to show
 * @param outcomes         one per query, in run order
 */
public record BenchReport(String command, Instant started, double elapsedSeconds, MachineInfo machine,
                          String loadAtStart, String loadAtEnd, RunSettings settings, List<String> dataDescriptions,
                          List<TargetSummary> targets, List<Comparison> comparisons, List<QueryOutcome> outcomes) {
    public BenchReport {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(settings, "settings");
        dataDescriptions = List.copyOf(dataDescriptions);
        targets = List.copyOf(targets);
        comparisons = List.copyOf(comparisons);
        outcomes = List.copyOf(outcomes);
    }

    /** Queries with a wrong answer or an error. */
    public List<QueryOutcome> problems() {
        return outcomes.stream().filter(outcome -> !outcome.problems().isEmpty()).toList();
    }
}
