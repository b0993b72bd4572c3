package io.polaroid.cli;

import io.polaroid.cli.format.Durations;
import io.polaroid.cli.format.OutputFormat;
import io.polaroid.cli.format.ResultFormat;
import io.polaroid.cli.sql.SqlSplitter;
import io.polaroid.cli.sql.StatementOutcome;
import io.polaroid.cli.sql.StatementRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code polaroid sql "<sql>"}: runs the statement (or several, separated by {@code ;}, stopping at the first
 * that fails) and prints each result to standard output, the elapsed time to standard error.
 */
@Command(name = "sql", description = "Run SQL and print the result.", mixinStandardHelpOptions = true)
final class SqlCommand implements Callable<Integer> {
    @ParentCommand
    private PolaroidCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionTarget target;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "Output format: table, csv or json (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Parameters(arity = "1", paramLabel = "SQL",
            description = "The statement(s) to run; - reads them from standard input.")
    private String sql;

    @Override
    public Integer call() throws Exception {
        List<String> statements = SqlSplitter.split(sql.equals("-") ? readStandardInput() : sql);
        if (statements.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no SQL statement given");
        }
        PrintWriter out = cli.out();
        PrintWriter err = cli.err();
        ResultFormat resultFormat = format.create();
        try (Connection connection = target.open(cli.home(), err)) {
            StatementRunner runner = new StatementRunner(connection);
            for (String statement : statements) {
                StatementOutcome outcome = runner.run(statement, resultFormat, out);
                err.println("Time: " + Durations.format(outcome.elapsed()));
            }
        }
        return 0;
    }

    private String readStandardInput() throws IOException {
        return new String(cli.environment().stdin().readAllBytes(), StandardCharsets.UTF_8);
    }
}
