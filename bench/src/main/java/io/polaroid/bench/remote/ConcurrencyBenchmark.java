package io.polaroid.bench.remote;

import io.polaroid.bench.data.GeneratedDirectory;
import io.polaroid.bench.target.Target;
import io.polaroid.bench.workload.BenchQuery;
import io.polaroid.bench.workload.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code clients} concurrent clients against one server process, against {@code clients} separate embedded
 * processes that each load the data themselves: total memory (the sum of the processes' resident set
 * sizes, sampled from /proc during the timed window; the peak is reported) and aggregate throughput
 * (queries completed by all clients in a fixed window, every value fetched).
 *
 * <p>Every client process is a {@link ConcurrencyWorker}. Server mode: the server process
 * ({@link SharedServer}, datasets in its memory) plus one worker process with {@code clients} connections
 * (threads). Embedded mode: {@code clients} worker processes of one connection each, each registering the
 * datasets {@code WITH (cache = 'memory')} in a catalog of its own. All processes finish loading before
 * the window starts, and start it together.
 */
public final class ConcurrencyBenchmark {
    private static final long SAMPLE_MILLIS = 250;

    private final int clients;
    private final double seconds;
    private final String heap;
    private final PrintStream log;

    /** @param heap each worker JVM's maximum heap */
    public ConcurrencyBenchmark(int clients, double seconds, String heap, PrintStream log) {
        if (clients < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("clients >= 1 and seconds > 0 expected: " + clients + ", " + seconds);
        }
        this.clients = clients;
        this.seconds = seconds;
        this.heap = Objects.requireNonNull(heap, "heap");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** What one mode measured. */
    public record Result(String mode, int processes, long peakResidentBytes, long queries, long errors,
                         double seconds) {
        public double queriesPerSecond() {
            return queries / seconds;
        }
    }

    /** Server mode: one server (already serving the datasets), one client process of {@code clients} connections. */
    public Result againstServer(ServerProcess server, List<BenchQuery> queries) throws IOException, InterruptedException {
        log.printf(Locale.ROOT, "concurrency: %d clients against one server ...%n", clients);
        List<Process> workers = List.of(start(server.jdbcUrl(), clients, List.of(), queries));
        return measure("1 server + 1 client process (" + clients + " connections)", workers, List.of(server.pid()));
    }

    /** Embedded mode: {@code clients} processes, each with its own catalog under {@code catalogs} and its own copy of the data. */
    public Result embedded(Path catalogs, List<Dataset> datasets, List<BenchQuery> queries)
            throws IOException, InterruptedException {
        log.printf(Locale.ROOT, "concurrency: %d embedded processes, each loading the data ...%n", clients);
        List<String> registrations = datasets.stream().map(d -> "CREATE DATASET " + d.name() + " FROM "
                + Target.literal(d.directory().toString()) + " WITH (cache = 'memory')").toList();
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Path catalog = catalogs.resolve("concurrency-" + i).toAbsolutePath();
            GeneratedDirectory.deleteRecursively(catalog);
            workers.add(start("jdbc:polaroid:embedded:" + catalog, 1, registrations, queries));
        }
        return measure(clients + " embedded processes", workers, List.of());
    }

    private Process start(String url, int threads, List<String> registrations, List<BenchQuery> queries)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(url, Integer.toString(threads)));
        registrations.forEach(sql -> arguments.addAll(List.of("--register", sql)));
        queries.forEach(query -> arguments.addAll(List.of("--query", query.sql())));
        return new ProcessBuilder(ChildJvm.command(heap, ConcurrencyWorker.class.getName(), arguments))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Waits until every worker is READY, starts the window, samples memory, collects the counts. */
    private Result measure(String mode, List<Process> workers, List<Long> otherPids)
            throws IOException, InterruptedException {
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (Process worker : workers) {
                BufferedReader output = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
                outputs.add(output);
                expect(output, "READY", worker);
            }
            for (Process worker : workers) {
                Writer input = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8);
                input.write("GO " + seconds + "\n");
                input.flush();
            }
            List<Long> pids = new ArrayList<>(otherPids);
            workers.forEach(worker -> pids.add(worker.pid()));
            long peak = 0;
            long end = System.nanoTime() + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                peak = Math.max(peak, pids.stream().mapToLong(ChildJvm::residentBytes).filter(b -> b > 0).sum());
                Thread.sleep(SAMPLE_MILLIS);
            }
            long queries = 0;
            long errors = 0;
            for (int i = 0; i < workers.size(); i++) {
                String[] done = expect(outputs.get(i), "DONE", workers.get(i)).split(" ");
                queries += Long.parseLong(done[1]);
                errors += Long.parseLong(done[2]);
            }
            Result result = new Result(mode, workers.size() + otherPids.size(), peak, queries, errors, seconds);
            log.printf(Locale.ROOT, "  %s: %,d queries (%.1f/s), %d errors, peak RSS %,d MiB%n", mode, queries,
                    result.queriesPerSecond(), errors, peak >> 20);
            return result;
        } finally {
            for (Process worker : workers) {
                if (!worker.waitFor(30, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
        }
    }

    private static String expect(BufferedReader output, String word, Process worker) throws IOException {
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith(word)) {
                return line;
            }
        }
        throw new IOException("a client process ended before " + word + " (exit status "
                + (worker.isAlive() ? "running" : worker.exitValue()) + ")");
    }

    /** The results as a markdown table, server mode first. */
    public static String render(List<Result> results, List<BenchQuery> queries) {
        StringBuilder out = new StringBuilder("### Concurrent clients: one server vs separate embedded processes\n\n");
        out.append("| setup | processes | total RSS, peak (MiB) | queries | errors | queries/s |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %d | %.1f |%n", r.mode(), r.processes(),
                    r.peakResidentBytes() >> 20, r.queries(), r.errors(), r.queriesPerSecond()));
        }
        if (results.size() == 2) {
            Result server = results.get(0);
            Result embedded = results.get(1);
            out.append(String.format(Locale.ROOT, "%nServer / embedded: memory %.2fx, throughput %.2fx.%n",
                    (double) server.peakResidentBytes() / embedded.peakResidentBytes(),
                    server.queriesPerSecond() / embedded.queriesPerSecond()));
        }
        out.append("\nQueries, round-robin on every connection: ")
                .append(String.join(", ", queries.stream().map(q -> "`" + q.id() + "`").toList())).append(".\n\n");
        return out.toString();
    }
}
