package io.polaroid.bench.remote;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts another JVM on this JVM's class path, with the flags this one runs with (add-opens, GC) and a heap
 * of its own: remote targets run their server, and the concurrency benchmark its clients, in processes of
 * their own, so memory is measured per process and a server does not share a heap with its clients.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The command line that runs {@code mainClass} with {@code arguments} in a JVM of heap {@code heap}
     * (e.g. {@code 2g}).
     */
    static List<String> command(String heap, String mainClass, List<String> arguments) {
        Objects.requireNonNull(mainClass, "mainClass");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the parent's own heap and its bench-only properties stay with the parent
            if (!flag.startsWith("-Xmx") && !flag.startsWith("-Dpolaroid.bench.")) {
                command.add(flag);
            }
        }
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Resident set size of process {@code pid} in bytes, from /proc (Linux); -1 when it cannot be read. */
    static long residentBytes(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024; // the kernel reports kB
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
