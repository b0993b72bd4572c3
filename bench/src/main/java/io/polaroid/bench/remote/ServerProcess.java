package io.polaroid.bench.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Polaroid Flight SQL server in a child process, started the way a user starts it
 * ({@code polaroid serve --catalog DIR --port 0}, the CLI's main class on this class path), on 127.0.0.1
 * with a free port. Its JDBC URL is read from the line the command prints. Closing it destroys the process
 * (SIGTERM: the server shuts down gracefully) and waits for it.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern JDBC_URL = Pattern.compile("JDBC URL: (jdbc:polaroid://127\\.0\\.0\\.1:(\\d+))");
    private static final long START_TIMEOUT_SECONDS = 120;

    private final Process process;
    private final String jdbcUrl;
    private final int port;

    private ServerProcess(Process process, String jdbcUrl, int port) {
        this.process = process;
        this.jdbcUrl = jdbcUrl;
        this.port = port;
    }

    /**
     * Starts a server on a fresh catalog in {@code catalogDirectory} (which must be empty or absent) with a
     * JVM heap of {@code heap}; returns once it listens.
     *
     * @throws IOException if the process cannot start or exits, or prints no JDBC URL in time
     */
    public static ServerProcess start(Path catalogDirectory, String heap) throws IOException {
        Objects.requireNonNull(catalogDirectory, "catalogDirectory");
        List<String> command = ChildJvm.command(heap, "io.polaroid.cli.PolaroidCli", List.of(
                "serve", "--catalog", catalogDirectory.toAbsolutePath().toString(), "--host", "127.0.0.1", "--port", "0"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            Matcher url = awaitUrl(process);
            return new ServerProcess(process, url.group(1), Integer.parseInt(url.group(2)));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Reads the server's output until the JDBC URL line; the rest of the output is drained and dropped. */
    private static Matcher awaitUrl(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Deque<String> lastLines = new ArrayDeque<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            Matcher url = JDBC_URL.matcher(line);
            if (url.find()) {
                Thread drain = new Thread(() -> drain(output), "polaroid-server-output");
                drain.setDaemon(true);
                drain.start();
                return url;
            }
            lastLines.addLast(line);
            if (lastLines.size() > 20) {
                lastLines.removeFirst();
            }
        }
        throw new IOException("the server process printed no JDBC URL (" + (process.isAlive() ? "still running"
                : "exit status " + process.exitValue()) + "); its last lines: " + String.join(" | ", lastLines));
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // the per-query log lines; a full pipe would block the server
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The server process's resident memory now, in bytes (-1 if unknown). */
    public long residentBytes() {
        return ChildJvm.residentBytes(process.pid());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
