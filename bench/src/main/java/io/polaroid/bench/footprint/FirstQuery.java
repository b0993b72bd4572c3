package io.polaroid.bench.footprint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * One cold query, for the footprint measurement of a connection mode ({@code bench/footprint.sh}): opens
 * {@code url}, runs the optional setup statements, then {@code sql}, and prints one line of
 * {@code key=value} facts — when the first row arrived (epoch ms, so the caller can subtract its launch
 * time), the JVM's own start time, the peak RSS so far ({@code VmHWM}), the rows, and how many live threads
 * have gRPC, Netty or Flight names. Everything runs on the main thread, once; nothing is warmed up.
 *
 * <p>Usage: {@code FirstQuery <url> <sql> [setup-statement ...]}
 */
public final class FirstQuery {
    private FirstQuery() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length < 2) {
            System.err.println("usage: FirstQuery <jdbc-url> <sql> [setup-statement ...]");
            System.exit(2);
        }
        long rows = 0;
        long firstRowMillis = -1;
        long result = 0;
        try (Connection connection = DriverManager.getConnection(args[0]);
             Statement statement = connection.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                statement.execute(args[i]);
            }
            try (ResultSet rs = statement.executeQuery(args[1])) {
                while (rs.next()) {
                    if (rows == 0) {
                        firstRowMillis = System.currentTimeMillis();
                        result = rs.getLong(1);
                    }
                    rows++;
                }
            }
            long doneMillis = System.currentTimeMillis();
            System.out.printf(Locale.ROOT, "first_row_epoch_ms=%d done_epoch_ms=%d jvm_start_epoch_ms=%d vm_hwm_kb=%d "
                            + "rows=%d first_value=%d network_threads=%d%n", firstRowMillis, doneMillis,
                    ManagementFactory.getRuntimeMXBean().getStartTime(), peakRssKb(), rows, result, networkThreads());
        }
    }

    /** {@code VmHWM} of {@code /proc/self/status}: the resident set's high-water mark; -1 off Linux. */
    static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static long networkThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(t -> t.getName().toLowerCase(Locale.ROOT))
                .filter(name -> name.contains("grpc") || name.contains("netty") || name.contains("flight")).count();
    }
}
