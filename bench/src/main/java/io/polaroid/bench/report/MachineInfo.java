package io.polaroid.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine and JVM a run measured on.
 *
 * @param cpu          the processor model, from /proc/cpuinfo when there is one
 * @param cores        processors available to the JVM
 * @param memoryBytes  physical memory
 * @param os           name, version, architecture
 * @param jvm          runtime name and version
 * @param maxHeapBytes -Xmx in effect
 * @param jvmArguments the JVM's flags
 */
public record MachineInfo(String cpu, int cores, long memoryBytes, String os, String jvm, long maxHeapBytes,
                          List<String> jvmArguments) {
    public MachineInfo {
        jvmArguments = List.copyOf(jvmArguments);
    }

    public static MachineInfo current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(cpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().maxMemory(), ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** The 1, 5 and 15 minute load averages: on a shared machine they say how noisy the times are. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
