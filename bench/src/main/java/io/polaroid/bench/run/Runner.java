package io.polaroid.bench.run;

import io.polaroid.bench.target.Product;
import io.polaroid.bench.target.Target;
import io.polaroid.bench.workload.BenchQuery;
import io.polaroid.bench.workload.Dataset;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets targets up and runs a query on each: warm-up, timed runs, and a check that every target returned
 * the same result as the reference (the first DuckDB target) before any of its times is believed. A target
 * that fails is reported and the others go on.
 */
public final class Runner {
    private static final int MAX_ERROR_LENGTH = 400;

    private final RunSettings settings;
    private final PrintStream log;

    public Runner(RunSettings settings, PrintStream log) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Connects {@code target} with every dataset registered (and loaded), timing it. Never throws. */
    public OpenTarget open(Target target, List<Dataset> datasets) {
        log.printf(Locale.ROOT, "setting up %s ...%n", target.id());
        long start = System.nanoTime();
        Connection connection;
        try {
            connection = target.connect(datasets);
        } catch (SQLException | RuntimeException e) {
            log.printf(Locale.ROOT, "  %s setup FAILED: %s%n", target.id(), message(e));
            return OpenTarget.failed(target, message(e));
        }
        double setupSeconds = (System.nanoTime() - start) / 1e9;
        try (Statement statement = connection.createStatement()) {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Dataset dataset : datasets) {
                try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + dataset.name())) {
                    count.next();
                    rows.put(dataset.name(), count.getLong(1));
                }
            }
            String description = target.describe(connection);
            log.printf(Locale.ROOT, "  %s ready in %.1f s: %s; rows %s%n", target.id(), setupSeconds, description, rows);
            return new OpenTarget(target, Optional.of(connection), description, setupSeconds, rows, Optional.empty());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            log.printf(Locale.ROOT, "  %s setup FAILED: %s%n", target.id(), message(e));
            return OpenTarget.failed(target, message(e));
        }
    }

    /**
     * Runs {@code query} on every target, then checks the results against the reference. Each target first
     * runs its warm-ups (the first one computes the digest); then the timed runs go round the targets one
     * run at a time, so a burst of load from elsewhere on a shared machine hits every target alike rather
     * than whichever one happened to be running.
     */
    public QueryOutcome run(BenchQuery query, List<OpenTarget> targets) {
        log.printf(Locale.ROOT, "%s: %s%n", query.id(), query.title());
        List<TargetRuns> runs = new ArrayList<>();
        for (OpenTarget target : targets) {
            TargetRuns targetRuns = new TargetRuns(target);
            runs.add(targetRuns);
            targetRuns.warmUp(query.sql());
        }
        boolean more = true;
        while (more) {
            more = false;
            for (TargetRuns targetRuns : runs) {
                if (targetRuns.wantsAnotherRun()) {
                    targetRuns.timedRun(query.sql());
                    more = true;
                }
            }
        }
        Map<String, Measurement> measurements = new LinkedHashMap<>();
        for (TargetRuns targetRuns : runs) {
            Measurement measurement = targetRuns.measurement();
            measurements.put(targetRuns.id, measurement);
            log.printf(Locale.ROOT, "  %-16s %s%n", targetRuns.id, measurement.error().map(e -> "FAILED: " + e)
                    .orElseGet(() -> String.format(Locale.ROOT,
                            "median %10.1f ms  min %10.1f ms  (%d runs; first run %.1f ms; %,d rows)",
                            measurement.medianMillis(), measurement.minMillis(), measurement.runMillis().size(),
                            measurement.firstRunMillis(), measurement.rows())));
        }
        return new QueryOutcome(query, measurements, check(targets, measurements));
    }

    /** The runs of one query on one target so far. */
    private final class TargetRuns {
        private final String id;
        private final Optional<Connection> connection;
        private final List<Double> times = new ArrayList<>();
        private final ResultSetReader.Blackhole blackhole = new ResultSetReader.Blackhole();
        private Execution first;
        private ResultDigest digest;
        private double timedMillis;
        private Optional<String> error;

        TargetRuns(OpenTarget target) {
            this.id = target.target().id();
            this.connection = target.connection();
            this.error = connection.isPresent() ? Optional.empty()
                    : Optional.of("setup failed: " + target.error().orElse("?"));
        }

        void warmUp(String sql) {
            if (error.isPresent()) {
                return;
            }
            try {
                ResultDigest.Builder builder = new ResultDigest.Builder();
                first = execute(sql, builder);
                digest = builder.build(first.columns());
                double warm = first.millis();
                for (int i = 1; i < settings.warmups() && warm < settings.budgetSeconds() * 1000; i++) {
                    warm += execute(sql, blackhole).millis();
                }
            } catch (SQLException | RuntimeException e) {
                error = Optional.of(message(e));
            }
        }

        boolean wantsAnotherRun() {
            return error.isEmpty() && times.size() < settings.runs()
                    && (times.isEmpty() || timedMillis < settings.budgetSeconds() * 1000);
        }

        void timedRun(String sql) {
            try {
                Execution run = execute(sql, blackhole);
                if (run.rows() != first.rows()) {
                    throw new IllegalStateException("the result had " + first.rows() + " rows on the first run and "
                            + run.rows() + " on a later one");
                }
                times.add(run.millis());
                timedMillis += run.millis();
            } catch (SQLException | RuntimeException e) {
                error = Optional.of(message(e));
            }
        }

        private Execution execute(String sql, ValueSink sink) throws SQLException {
            // garbage left by the previous run, of this target or another, is not this run's to collect
            System.gc();
            return Runner.this.execute(connection.orElseThrow(), sql, sink);
        }

        Measurement measurement() {
            return error.map(Measurement::failed)
                    .orElseGet(() -> new Measurement(first.millis(), times, first.rows(), digest, Optional.empty()));
        }
    }

    private record Execution(long rows, int columns, double millis) {
    }

    /** One run as an application sees it: create a statement, execute, fetch every value, close. */
    private Execution execute(Connection connection, String sql, ValueSink sink) throws SQLException {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            if (settings.queryTimeoutSeconds() > 0) {
                try {
                    statement.setQueryTimeout(settings.queryTimeoutSeconds());
                } catch (SQLFeatureNotSupportedException e) {
                    // the driver has no timeouts: the run is bounded by the budget's check afterwards only
                }
            }
            try (ResultSet resultSet = statement.executeQuery(sql)) {
                int columns = resultSet.getMetaData().getColumnCount();
                long rows = ResultSetReader.read(resultSet, sink);
                return new Execution(rows, columns, (System.nanoTime() - start) / 1e6);
            }
        }
    }

    /** Problems of one query: failures, and every result that differs from the reference's. */
    private static List<String> check(List<OpenTarget> targets, Map<String, Measurement> measurements) {
        List<String> problems = new ArrayList<>();
        // DuckDB's answer when a DuckDB target ran; else (a run of Polaroid's modes alone, e.g. --suite remote)
        // the first target's, so the modes are still checked against each other
        Optional<String> reference = targets.stream()
                .sorted(java.util.Comparator.comparing(t -> t.target().product() != Product.DUCKDB))
                .map(t -> t.target().id())
                .filter(id -> measurements.get(id).ok())
                .findFirst();
        for (Map.Entry<String, Measurement> entry : measurements.entrySet()) {
            Measurement measurement = entry.getValue();
            if (measurement.error().isPresent()) {
                problems.add(entry.getKey() + " failed: " + measurement.error().get());
            } else if (reference.isPresent() && !reference.get().equals(entry.getKey())) {
                Measurement expected = measurements.get(reference.get());
                measurement.digest().difference(expected.digest()).ifPresent(difference -> problems.add(
                        entry.getKey() + " WRONG ANSWER (differs from " + reference.get() + "): " + difference));
            }
        }
        if (reference.isEmpty()) {
            problems.add("no reference answer: no target ran the query, so no result was checked");
        }
        return problems;
    }

    private static String message(Exception e) {
        String text = e instanceof SQLException sql && sql.getSQLState() != null
                ? "[" + sql.getSQLState() + "] " + sql.getMessage() : e.toString();
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "...";
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // setup already failed; that error is the one to report
        }
    }
}
