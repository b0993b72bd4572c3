package io.polaroid.cli.shell;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A shell command that is not SQL: typed on a line of its own at the start of a statement.
 * {@code \q}, {@code exit}, {@code quit}; {@code \d}; {@code \d name}; {@code \timing [on|off]}; {@code \?}.
 */
public sealed interface MetaCommand {
    String HELP = String.join("\n",
            "  \\d            list datasets",
            "  \\d NAME       describe the columns of dataset NAME (schema.name also works)",
            "  \\timing [on|off]  show how long each statement takes",
            "  \\q, exit, quit    leave the shell (so does Ctrl-D)",
            "  \\?            this help",
            "SQL statements end with ';' and may span lines. Ctrl-C cancels a running statement or clears the line.");

    record Quit() implements MetaCommand {
    }

    record ListDatasets() implements MetaCommand {
    }

    record Describe(String name) implements MetaCommand {
        public Describe {
            Objects.requireNonNull(name, "name");
        }
    }

    /** @param enabled on, off, or empty to toggle */
    record Timing(Optional<Boolean> enabled) implements MetaCommand {
        public Timing {
            Objects.requireNonNull(enabled, "enabled");
        }
    }

    record Help() implements MetaCommand {
    }

    /** A backslash command the shell does not know, or one used wrongly; {@code problem} says which. */
    record Invalid(String problem) implements MetaCommand {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** The meta command on {@code line}, or empty if the line is (the start of) SQL. */
    static Optional<MetaCommand> parse(String line) {
        String text = line.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("exit") || lower.equals("quit")) {
            return Optional.of(new Quit());
        }
        if (!text.startsWith("\\")) {
            return Optional.empty();
        }
        String[] words = text.substring(1).strip().split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "q":
                return Optional.of(new Quit());
            case "?":
            case "h":
                return Optional.of(new Help());
            case "d":
            case "dt":
                return Optional.of(argument.isEmpty() ? new ListDatasets() : new Describe(argument));
            case "timing":
                return Optional.of(timing(argument));
            default:
                return Optional.of(new Invalid("unknown command \\" + words[0] + "; \\? lists the commands"));
        }
    }

    private static MetaCommand timing(String argument) {
        switch (argument.toLowerCase(Locale.ROOT)) {
            case "":
                return new Timing(Optional.empty());
            case "on":
                return new Timing(Optional.of(true));
            case "off":
                return new Timing(Optional.of(false));
            default:
                return new Invalid("\\timing takes on or off, not '" + argument + "'");
        }
    }
}
