package io.polaroid.cli;

/**
 * Configures slf4j-simple before the first logger exists: quiet by default (a command line's output is its
 * results), informative with {@code --verbose}. A {@code -Dorg.slf4j.simpleLogger...} given on the command
 * line wins.
 */
final class CliLogging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private CliLogging() {
    }

    static void configure(boolean verbose) {
        setDefault("logFile", "System.err");
        setDefault("defaultLogLevel", verbose ? "info" : "error");
        setDefault("log.io.polaroid", verbose ? "debug" : "warn");
        setDefault("showDateTime", "true");
        setDefault("dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("showThreadName", verbose ? "true" : "false");
        setDefault("showShortLogName", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
