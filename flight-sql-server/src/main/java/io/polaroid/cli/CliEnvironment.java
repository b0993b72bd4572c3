package io.polaroid.cli;

import java.io.Console;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line reads from the process around it: environment variables, the user's home, standard
 * input and whether the standard streams are terminals. Passed in (rather than read from {@code System})
 * so tests can run every command in-process against a temporary home and piped input.
 *
 * @param variables        environment variables ({@code POLAROID_HOME}, ...)
 * @param userHome         the user's home directory ({@code ~})
 * @param stdin            standard input, read by {@code shell}
 * @param stdinIsTerminal  whether standard input is an interactive terminal (prompt, line editing, history)
 * @param stderrIsTerminal whether standard error is a terminal (progress bars redraw in place)
 */
public record CliEnvironment(Map<String, String> variables, Path userHome, InputStream stdin,
                             boolean stdinIsTerminal, boolean stderrIsTerminal) {
    /** Set by the launcher script from {@code [ -t 0 ]}: the JVM itself cannot tell reliably on JDK 22+. */
    static final String STDIN_TTY_PROPERTY = "polaroid.stdin.tty";
    /** Set by the launcher script from {@code [ -t 2 ]}. */
    static final String STDERR_TTY_PROPERTY = "polaroid.stderr.tty";

    public CliEnvironment {
        variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** The environment of this process. */
    public static CliEnvironment system() {
        boolean consoleIsTerminal = consoleIsTerminal();
        return new CliEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), System.in,
                flag(STDIN_TTY_PROPERTY, consoleIsTerminal), flag(STDERR_TTY_PROPERTY, consoleIsTerminal));
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static boolean flag(String property, boolean fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }

    /**
     * Whether the JVM's console is a terminal, when the launcher did not say. Up to JDK 21 a console exists only
     * for a terminal; from JDK 22 it may exist for redirected streams too, and {@code Console.isTerminal()}
     * (looked up reflectively, the code targets 17) tells the difference.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
