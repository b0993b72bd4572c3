package io.polaroid.bench.remote;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client process of the concurrency benchmark ({@link ConcurrencyBenchmark} starts it). It opens
 * {@code threads} connections to a JDBC URL, registers datasets first when told to (an embedded process
 * loads its own copy), runs every query once, prints {@code READY}, waits for {@code GO <seconds>} on
 * stdin, then runs the queries round-robin on every connection for that long (fetching every value) and
 * prints {@code DONE <queries> <errors>}.
 *
 * <p>Arguments: {@code URL THREADS [--register SQL]... [--query SQL]...}
 */
public final class ConcurrencyWorker {
    private ConcurrencyWorker() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        List<String> registrations = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            (args[i].equals("--register") ? registrations : queries).add(args[i + 1]);
        }
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(DriverManager.getConnection(url));
        }
        try (Statement setup = connections.get(0).createStatement()) {
            for (String sql : registrations) {
                setup.execute(sql);
            }
        }
        for (String sql : queries) {
            run(connections.get(0), sql);
        }
        System.out.println("READY");
        System.out.flush();
        String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (go == null || !go.startsWith("GO ")) {
            return;
        }
        long end = System.nanoTime() + (long) (Double.parseDouble(go.substring(3).trim()) * 1e9);
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Connection connection = connections.get(t);
            int first = t;
            Thread thread = new Thread(() -> {
                try {
                    for (int q = first; System.nanoTime() < end; q++) {
                        try {
                            run(connection, queries.get(q % queries.size()));
                            done.incrementAndGet();
                        } catch (SQLException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "client-" + t);
            thread.start();
        }
        finished.await();
        System.out.println("DONE " + done.get() + " " + errors.get());
        System.out.flush();
        for (Connection connection : connections) {
            connection.close();
        }
        System.exit(0); // engine and gRPC threads must not hold the process
    }

    /** Runs {@code sql} and reads every value, as the main benchmark does. */
    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    rows.getObject(c);
                }
            }
        }
    }
}
