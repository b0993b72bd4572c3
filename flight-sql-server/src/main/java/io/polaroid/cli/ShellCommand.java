package io.polaroid.cli;

import io.polaroid.cli.format.OutputFormat;
import io.polaroid.cli.shell.LineInput;
import io.polaroid.cli.shell.Shell;
import io.polaroid.cli.shell.StreamInput;
import io.polaroid.cli.shell.TerminalInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid shell}: an interactive SQL prompt on a terminal (history in {@code ~/.polaroid/history}),
 * or a script runner when standard input is a pipe.
 */
@Command(name = "shell", description = "Interactive SQL prompt (reads statements from standard input when piped).",
        mixinStandardHelpOptions = true)
final class ShellCommand implements Callable<Integer> {
    @ParentCommand
    private PolaroidCli cli;

    @Mixin
    private ConnectionTarget target;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = target.open(cli.home(), cli.err());
             LineInput input = openInput()) {
            if (input.interactive()) {
                cli.err().println("Polaroid shell on " + target.describe(cli.home())
                        + ". Statements end with ';'. \\? for help, \\q to quit.");
            }
            return new Shell(connection, input, format.create(), cli.out(), cli.err(), cli.errors()).run();
        }
    }

    private LineInput openInput() throws Exception {
        CliEnvironment environment = cli.environment();
        if (!environment.stdinIsTerminal()) {
            return new StreamInput(environment.stdin());
        }
        Path history = cli.home().history();
        Files.createDirectories(history.getParent());
        return TerminalInput.open(history);
    }
}
