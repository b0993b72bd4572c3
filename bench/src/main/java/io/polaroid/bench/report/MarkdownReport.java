package io.polaroid.bench.report;

import io.polaroid.bench.run.Measurement;
import io.polaroid.bench.run.QueryOutcome;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link BenchReport} as markdown: the table (median and min per target, ratio per comparison),
 * wrong answers and errors first, then how and where it ran, the data, and every query's SQL.
 */
public final class MarkdownReport {
    /** Ratios above this miss the project's target and are shown in bold. */
    public static final double TARGET_RATIO = 2.0;

    private MarkdownReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## Results ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(report.started().atOffset(ZoneOffset.UTC)))
                .append("\n\n");
        out.append(table(report)).append('\n');
        out.append("Times in ms: median of the timed runs, min in parentheses. Ratio = median of the first target of "
                + "the comparison / median of the second (lower is better; the target is at most ").append(TARGET_RATIO).append("x; above it in bold). "
                + "Each run creates a statement, executes, fetches every column of every row with `getObject`, "
                + "and closes.\n\n");
        problems(report, out);
        setup(report, out);
        queries(report, out);
        return out.toString();
    }

    /** The results table alone. */
    public static String table(BenchReport report) {
        Set<String> present = report.targets().stream().map(TargetSummary::id).collect(Collectors.toSet());
        Map<String, String> labels = report.targets().stream()
                .collect(Collectors.toMap(TargetSummary::id, TargetSummary::label));
        List<Comparison> comparisons = report.comparisons().stream()
                .filter(c -> present.contains(c.targetId()) && present.contains(c.baselineId())).toList();
        // each compared target gets one column, before the first ratio that uses it
        Set<String> paired = new LinkedHashSet<>();
        List<String> header = new ArrayList<>(List.of("query", "rows"));
        for (Comparison comparison : comparisons) {
            for (String id : List.of(comparison.targetId(), comparison.baselineId())) {
                if (paired.add(id)) {
                    header.add(labels.get(id));
                }
            }
            header.add("ratio " + comparison.label());
        }
        List<String> unpaired = report.targets().stream().map(TargetSummary::id).filter(id -> !paired.contains(id)).toList();
        unpaired.forEach(id -> header.add(labels.get(id)));
        header.add("answers");

        StringBuilder out = new StringBuilder();
        row(out, header);
        row(out, header.stream().map(h -> h.equals("query") || h.equals("answers") ? "---" : "---:").toList());
        for (QueryOutcome outcome : report.outcomes()) {
            List<String> cells = new ArrayList<>(List.of(outcome.query().id(), rows(outcome)));
            Set<String> shown = new LinkedHashSet<>();
            for (Comparison comparison : comparisons) {
                for (String id : List.of(comparison.targetId(), comparison.baselineId())) {
                    if (shown.add(id)) {
                        cells.add(cell(outcome.measurement(id)));
                    }
                }
                cells.add(outcome.ratio(comparison.targetId(), comparison.baselineId())
                        .map(MarkdownReport::ratio).orElse("–"));
            }
            unpaired.forEach(id -> cells.add(cell(outcome.measurement(id))));
            cells.add(outcome.problems().isEmpty() ? "same" : verdict(outcome));
            row(out, cells);
        }
        return out.toString();
    }

    private static String verdict(QueryOutcome outcome) {
        boolean wrong = outcome.problems().stream().anyMatch(p -> p.contains("WRONG ANSWER"));
        return wrong ? "**WRONG**" : "**error**";
    }

    private static String rows(QueryOutcome outcome) {
        return outcome.measurements().values().stream().filter(Measurement::ok).findFirst()
                .map(m -> String.format(Locale.ROOT, "%,d", m.rows())).orElse("–");
    }

    private static String cell(Optional<Measurement> measurement) {
        if (measurement.isEmpty()) {
            return "–";
        }
        Measurement m = measurement.get();
        if (!m.ok()) {
            return "error";
        }
        return millis(m.medianMillis()) + " (" + millis(m.minMillis()) + ")";
    }

    static String millis(double millis) {
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f", millis);
        }
        return millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String ratio(double ratio) {
        String text = String.format(Locale.ROOT, "%.2fx", ratio);
        return ratio > TARGET_RATIO ? "**" + text + "**" : text;
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static void problems(BenchReport report, StringBuilder out) {
        List<QueryOutcome> problems = report.problems();
        if (problems.isEmpty()) {
            out.append("Every target returned the same answer as the reference (DuckDB when it ran, else the first target) for "
                    + "every query (row count and checksum).\n\n");
            return;
        }
        out.append("### Wrong answers and errors\n\n");
        for (QueryOutcome outcome : problems) {
            for (String problem : outcome.problems()) {
                out.append("- `").append(outcome.query().id()).append("`: ").append(problem).append('\n');
            }
        }
        out.append('\n');
    }

    private static void setup(BenchReport report, StringBuilder out) {
        MachineInfo machine = report.machine();
        out.append("### How it ran\n\n");
        out.append("- Command: `").append(report.command()).append("`\n");
        out.append(String.format(Locale.ROOT, "- Machine: %s, %d cores, %.1f GiB memory, %s%n", machine.cpu(),
                machine.cores(), machine.memoryBytes() / (double) (1L << 30), machine.os()));
        out.append(String.format(Locale.ROOT, "- JVM: %s, max heap %.1f GiB, flags `%s`%n", machine.jvm(),
                machine.maxHeapBytes() / (double) (1L << 30), String.join(" ", machine.jvmArguments())));
        out.append("- Load average (1/5/15 min): ").append(report.loadAtStart()).append(" at the start, ")
                .append(report.loadAtEnd()).append(" at the end (a shared machine: compare ratios, not times)\n");
        out.append(String.format(Locale.ROOT,
                "- Runs: %d warm-up (the first also checks the answer) and %d timed per query and target; the "
                        + "timed runs alternate between the targets (one run each, round after round) and stop early "
                        + "after %.0f s; a full GC before every run; query timeout %d s; whole run %.0f s%n",
                Math.max(1, report.settings().warmups()), report.settings().runs(), report.settings().budgetSeconds(),
                report.settings().queryTimeoutSeconds(), report.elapsedSeconds()));
        out.append("\n| target | setup (s) | rows seen | details |\n| --- | ---: | --- | --- |\n");
        for (TargetSummary target : report.targets()) {
            String rows = target.datasetRows().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
            out.append("| ").append(target.label()).append(" (`").append(target.id()).append("`) | ")
                    .append(Double.isNaN(target.setupSeconds()) ? "–" : String.format(Locale.ROOT, "%.1f", target.setupSeconds()))
                    .append(" | ").append(rows).append(" | ")
                    .append(target.error().map(e -> "SETUP FAILED: " + e).orElse(target.description())).append(" |\n");
        }
        out.append("\nData:\n\n");
        report.dataDescriptions().forEach(d -> out.append("- ").append(d).append('\n'));
        out.append('\n');
    }

    private static void queries(BenchReport report, StringBuilder out) {
        out.append("### Queries\n\n");
        for (QueryOutcome outcome : report.outcomes()) {
            out.append("`").append(outcome.query().id()).append("` — ").append(outcome.query().title()).append("\n\n");
            out.append("```sql\n").append(outcome.query().sql()).append("\n```\n\n");
        }
    }
}
