package io.polaroid.bench;

import io.polaroid.bench.report.BenchReport;
import io.polaroid.bench.report.Comparison;
import io.polaroid.bench.report.JsonReport;
import io.polaroid.bench.report.MachineInfo;
import io.polaroid.bench.report.MarkdownReport;
import io.polaroid.bench.report.TargetSummary;
import io.polaroid.bench.report.ThroughputReport;
import io.polaroid.bench.remote.ConcurrencyBenchmark;
import io.polaroid.bench.remote.ResultBytes;
import io.polaroid.bench.remote.SharedServer;
import io.polaroid.bench.run.OpenTarget;
import io.polaroid.bench.run.QueryOutcome;
import io.polaroid.bench.run.RunSettings;
import io.polaroid.bench.run.Runner;
import io.polaroid.bench.target.DuckDbTarget;
import io.polaroid.bench.target.OfficialFlightSqlTarget;
import io.polaroid.bench.target.PolaroidRemoteTarget;
import io.polaroid.bench.target.PolaroidEmbeddedTarget;
import io.polaroid.bench.target.Storage;
import io.polaroid.bench.target.Target;
import io.polaroid.bench.workload.BenchQuery;
import io.polaroid.bench.workload.Dataset;
import io.polaroid.bench.workload.TpchWorkload;
import io.polaroid.bench.workload.TradesWorkload;
import io.polaroid.bench.workload.Workload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the same queries on the same Parquet files through Polaroid's embedded JDBC driver and DuckDB's JDBC
 * driver, with the data in memory and read from the files, and reports median/min times and the
 * Polaroid/DuckDB ratio per query. Results go to stdout (markdown) and to a file; progress to stderr.
 * Exit status 1 when any target failed a query or returned a different answer than DuckDB.
 */
@Command(name = "bench/run.sh", sortOptions = false,
        description = {"Polaroid vs DuckDB over the same Parquet files, in memory and from files (--suite core);",
                "Polaroid remote vs embedded and vs the official Flight SQL JDBC driver (--suite remote);",
                "concurrent clients of one server vs separate embedded processes (--suite concurrency)."})
public final class BenchMain implements Callable<Integer> {
    /** Set by bench/run.sh: the bench/ directory, which the default data and results paths are under. */
    private static final Path HOME = Path.of(System.getProperty("polaroid.bench.home", "bench"));

    /** Which comparison a run makes. */
    enum Suite {
        /** Polaroid embedded vs DuckDB, in memory and from files. */
        CORE,
        /** Polaroid embedded vs remote (a server in a child process) vs the official Flight SQL JDBC driver. */
        REMOTE,
        /** Concurrent clients of one server vs as many embedded processes: memory and throughput. */
        CONCURRENCY
    }

    @Option(names = "--suite", paramLabel = "NAME", description = "core (default), remote or concurrency")
    private Suite suite = Suite.CORE;

    @Option(names = "--queries", split = ",", paramLabel = "ID",
            description = "Queries to run, e.g. q1,q6 (default: all; --list shows them)")
    private List<String> queries = new ArrayList<>();

    @Option(names = "--targets", split = ",", paramLabel = "ID",
            description = "Targets to run (default: the suite's): polaroid-memory, duckdb-memory, polaroid-files, "
                    + "duckdb-files (core); polaroid-memory, polaroid-remote, flightsql-jdbc (remote)")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per query and target (default: ${DEFAULT-VALUE})")
    private int runs = 5;

    @Option(names = "--warmup", paramLabel = "N",
            description = "Untimed runs first (default: ${DEFAULT-VALUE}; at least 1 runs: it checks the answer)")
    private int warmups = 2;

    @Option(names = "--budget-seconds", paramLabel = "S",
            description = "Stop a query's timed runs on a target after this long, with at least one done "
                    + "(default: ${DEFAULT-VALUE})")
    private double budgetSeconds = 90;

    @Option(names = "--timeout-seconds", paramLabel = "S",
            description = "Query timeout of each run, 0 for none (default: ${DEFAULT-VALUE})")
    private int timeoutSeconds = 600;

    @Option(names = "--duckdb-threads", paramLabel = "N", description = "DuckDB's threads setting (default: DuckDB's own, one per core)")
    private Integer duckdbThreads;

    @Option(names = "--trades-rows", paramLabel = "N", description = "Rows of the trades dataset (default: ${DEFAULT-VALUE})")
    private long tradesRows = 10_000_000;

    @Option(names = "--scale-factor", paramLabel = "SF", description = "TPC-H scale factor (default: ${DEFAULT-VALUE})")
    private double scaleFactor = 1;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where generated Parquet files are kept between runs (default: bench/data)")
    private Path dataDirectory = HOME.resolve("data");

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where each run's report is written (default: bench/results)")
    private Path resultsDirectory = HOME.resolve("results");

    @Option(names = "--json", arity = "0..1", paramLabel = "FILE", fallbackValue = "",
            description = "Also write the results as JSON: to FILE ('-' for stdout), or beside the markdown report")
    private String json;

    @Option(names = "--clients", paramLabel = "N",
            description = "Concurrency suite: clients, and embedded processes (default: ${DEFAULT-VALUE})")
    private int clients = 10;

    @Option(names = "--concurrency-seconds", paramLabel = "S",
            description = "Concurrency suite: the timed window of each mode (default: ${DEFAULT-VALUE})")
    private double concurrencySeconds = 30;

    @Option(names = "--child-heap", paramLabel = "SIZE",
            description = "Maximum heap of every child JVM: the server of the remote suites and each client "
                    + "process (default: ${DEFAULT-VALUE})")
    private String childHeap = "4g";

    @Option(names = "--list", description = "List the queries and exit")
    private boolean list;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    private final List<String> arguments;

    private BenchMain(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new BenchMain(List.of(args))).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream log = System.err;
        Instant started = Instant.now();
        RunSettings settings = settings();
        List<Workload> workloads = List.of(TradesWorkload.create(tradesRows), TpchWorkload.create(scaleFactor));
        List<BenchQuery> selected = selectQueries(workloads);
        if (list) {
            selected.forEach(q -> System.out.printf(Locale.ROOT, "%-10s %s%n", q.id(), q.title()));
            return 0;
        }
        String loadAtStart = MachineInfo.loadAverage();

        // data: generated once, then reused; only the workloads with a selected query
        List<String> descriptions = new ArrayList<>();
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            if (workload.queries().stream().anyMatch(selected::contains)) {
                workload.data().prepare(dataDirectory, log).forEach(d -> datasets.put(d.name(), d));
                descriptions.add(workload.data().description());
            }
        }
        Set<String> needed = selected.stream().flatMap(q -> q.datasets().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Dataset> used = needed.stream().map(datasets::get).toList();

        try (SharedServer server = new SharedServer(dataDirectory.resolve("catalogs/polaroid-remote"), childHeap)) {
            if (suite == Suite.CONCURRENCY) {
                return concurrency(server, used, selected, started, loadAtStart, descriptions, log);
            }
            List<Target> selectedTargets = selectTargets(server);
            Runner runner = new Runner(settings, log);
            List<OpenTarget> open = new ArrayList<>();
            List<QueryOutcome> outcomes = new ArrayList<>();
            try {
                for (Target target : selectedTargets) {
                    open.add(runner.open(target, used));
                }
                for (BenchQuery query : selected) {
                    outcomes.add(runner.run(query, open));
                }
            } finally {
                for (OpenTarget target : open) {
                    target.close();
                }
            }

            BenchReport report = new BenchReport(command(), started,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0, MachineInfo.current(), loadAtStart,
                    MachineInfo.loadAverage(), new RunSettings(warmups, runs, budgetSeconds, timeoutSeconds),
                    descriptions, open.stream().map(TargetSummary::of).toList(), comparisons(), outcomes);
            String markdown = MarkdownReport.render(report) + streaming(report, server, log);
            write(report, markdown, log);
            return report.problems().isEmpty() ? 0 : 1;
        }
    }

    /**
     * Rows/s and MB/s of {@code fetch-all} (every row of trades) per target, when it ran with a server
     * process to measure the result's size on; empty otherwise.
     */
    private static String streaming(BenchReport report, SharedServer server, PrintStream log) {
        Optional<QueryOutcome> fetchAll = ThroughputReport.find(report.outcomes(), "fetch-all");
        if (fetchAll.isEmpty() || server.process().isEmpty()) {
            return "";
        }
        long bytes = -1;
        try {
            bytes = ResultBytes.of(server.process().get(), fetchAll.get().query().sql());
        } catch (Exception e) {
            log.println("cannot measure the size of the fetch-all result: " + e);
        }
        return ThroughputReport.render(fetchAll.get(), report.targets(), bytes);
    }

    /** The concurrency suite: one server and its clients, then as many embedded processes. */
    private Integer concurrency(SharedServer server, List<Dataset> used, List<BenchQuery> selected, Instant started,
                                String loadAtStart, List<String> descriptions, PrintStream log) throws Exception {
        ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark(clients, concurrencySeconds, childHeap, log);
        List<ConcurrencyBenchmark.Result> results = new ArrayList<>();
        results.add(benchmark.againstServer(server.serving(used), selected));
        server.close(); // its memory is not the embedded processes' to share
        results.add(benchmark.embedded(dataDirectory.resolve("catalogs"), used, selected));
        MachineInfo machine = MachineInfo.current();
        StringBuilder markdown = new StringBuilder("## Results ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(started.atOffset(ZoneOffset.UTC))).append("\n\n")
                .append(ConcurrencyBenchmark.render(results, selected))
                .append(String.format(Locale.ROOT, "- Command: `%s`%n- Machine: %s, %d cores, %.1f GiB memory; "
                                + "load average %s at the start, %s at the end%n- Child JVMs: `-Xmx%s`, window %.0f s "
                                + "per mode%n", command(), machine.cpu(), machine.cores(),
                        machine.memoryBytes() / (double) (1L << 30), loadAtStart, MachineInfo.loadAverage(), childHeap,
                        concurrencySeconds));
        descriptions.forEach(d -> markdown.append("- Data: ").append(d).append('\n'));
        System.out.println(markdown);
        Files.createDirectories(resultsDirectory);
        Path file = resultsDirectory.resolve("concurrency-"
                + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(started.atOffset(ZoneOffset.UTC)) + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        log.println("report written to " + file);
        return results.stream().allMatch(r -> r.errors() == 0) ? 0 : 1;
    }

    /** The run settings, checked before any data is generated. */
    private RunSettings settings() {
        if (tradesRows < 1 || !(scaleFactor > 0)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--trades-rows and --scale-factor must be positive");
        }
        try {
            return new RunSettings(warmups, runs, budgetSeconds, timeoutSeconds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
    }

    private List<BenchQuery> selectQueries(List<Workload> workloads) {
        Map<String, BenchQuery> all = new LinkedHashMap<>();
        workloads.forEach(w -> w.queries().forEach(q -> all.put(q.id(), q)));
        if (queries.isEmpty() && suite == Suite.CONCURRENCY) {
            // small results: the point is many clients at once, not one long scan
            return List.of(all.get("filter"), all.get("lookup"));
        }
        if (queries.isEmpty()) {
            return List.copyOf(all.values());
        }
        List<BenchQuery> selected = new ArrayList<>();
        for (String id : queries) {
            BenchQuery query = all.get(id.trim());
            if (query == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown query '" + id + "'; the queries are " + String.join(", ", all.keySet()));
            }
            selected.add(query);
        }
        return selected;
    }

    private List<Target> selectTargets(SharedServer server) {
        OptionalInt threads = duckdbThreads == null ? OptionalInt.empty() : OptionalInt.of(duckdbThreads);
        Path catalogs = dataDirectory.resolve("catalogs");
        List<Target> core = List.of(
                new PolaroidEmbeddedTarget(Storage.MEMORY, catalogs), new DuckDbTarget(Storage.MEMORY, threads),
                new PolaroidEmbeddedTarget(Storage.FILES, catalogs), new DuckDbTarget(Storage.FILES, threads));
        List<Target> remote = List.of(core.get(0), new PolaroidRemoteTarget(server), new OfficialFlightSqlTarget(server));
        if (targets.isEmpty()) {
            return suite == Suite.REMOTE ? remote : core;
        }
        List<Target> all = new ArrayList<>(core);
        all.addAll(remote.subList(1, remote.size()));
        List<Target> selected = new ArrayList<>();
        for (String id : new LinkedHashSet<>(targets)) {
            Target target = all.stream().filter(t -> t.id().equals(id.trim())).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this), "unknown target '" + id
                            + "'; the targets are " + all.stream().map(Target::id).collect(Collectors.joining(", "))));
            selected.add(target);
        }
        return selected;
    }

    private static List<Comparison> comparisons() {
        return List.of(new Comparison("mem", "polaroid-memory", "duckdb-memory"),
                new Comparison("files", "polaroid-files", "duckdb-files"),
                new Comparison("remote/embedded", "polaroid-remote", "polaroid-memory"),
                new Comparison("official/ours", "flightsql-jdbc", "polaroid-remote"));
    }

    /** The command line that repeats this run. */
    private String command() {
        StringBuilder command = new StringBuilder("bench/run.sh");
        for (String argument : arguments) {
            command.append(' ').append(argument.matches("[\\w./=,:@+-]+") ? argument
                    : "'" + argument.replace("'", "'\\''") + "'");
        }
        return command.toString();
    }

    private void write(BenchReport report, String markdown, PrintStream log) throws IOException {
        System.out.println(markdown);
        Files.createDirectories(resultsDirectory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(report.started().atOffset(ZoneOffset.UTC));
        Path markdownFile = resultsDirectory.resolve("bench-" + stamp + ".md");
        Files.writeString(markdownFile, markdown, StandardCharsets.UTF_8);
        log.println("report written to " + markdownFile);
        if (json != null) {
            if (json.equals("-")) {
                JsonReport.write(report, System.out);
                System.out.println();
            } else {
                Path jsonFile = json.isEmpty() ? resultsDirectory.resolve("bench-" + stamp + ".json") : Path.of(json);
                try (OutputStream out = Files.newOutputStream(jsonFile)) {
                    JsonReport.write(report, out);
                }
                log.println("JSON written to " + jsonFile);
            }
        }
    }
}
