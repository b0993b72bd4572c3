package io.polaroid.cli.shell;

import io.polaroid.cli.ErrorReporter;
import io.polaroid.cli.format.Durations;
import io.polaroid.cli.format.OutputClosedException;
import io.polaroid.cli.format.ResultFormat;
import io.polaroid.cli.sql.SqlSplitter;
import io.polaroid.cli.sql.StatementOutcome;
import io.polaroid.cli.sql.StatementRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-run-print loop of {@code polaroid shell}. Lines are collected until a {@code ;} ends a statement;
 * a line that starts a statement with {@code \} (or is {@code exit}/{@code quit}) is a {@link MetaCommand}.
 * A failing statement prints its error and the loop goes on; the exit code is 1 if any statement failed
 * when reading from a pipe (so scripts notice), always 0 for a person at a terminal.
 */
public final class Shell {
    private static final String PROMPT = "polaroid> ";
    private static final String CONTINUATION = "      ..> ";

    private final LineInput input;
    private final ResultFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ErrorReporter errors;
    private final StatementRunner runner;
    private final DatasetBrowser browser;
    private final SqlSplitter splitter = new SqlSplitter();
    private boolean timing;
    private boolean failed;

    public Shell(Connection connection, LineInput input, ResultFormat format, PrintWriter out, PrintWriter err,
                 ErrorReporter errors) {
        Objects.requireNonNull(connection, "connection");
        this.input = Objects.requireNonNull(input, "input");
        this.format = Objects.requireNonNull(format, "format");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.runner = new StatementRunner(connection);
        this.browser = new DatasetBrowser(connection);
        this.timing = input.interactive();
    }

    /** Runs until end of input or a quit command; returns the exit code. */
    public int run() throws IOException {
        while (true) {
            String line;
            try {
                line = input.readLine(splitter.hasPendingText() ? CONTINUATION : PROMPT);
            } catch (LineInput.LineInterruptedException e) {
                splitter.reset(); // Ctrl-C while typing: drop the statement, prompt again
                continue;
            }
            if (line == null) {
                // end of input: a last statement without ';' still runs
                Optional<String> last = splitter.finish();
                if (last.isPresent()) {
                    execute(last.get());
                }
                break;
            }
            if (!splitter.hasPendingText()) {
                Optional<MetaCommand> command = MetaCommand.parse(line);
                if (command.isPresent()) {
                    if (command.get() instanceof MetaCommand.Quit) {
                        break;
                    }
                    runMeta(command.get());
                    continue;
                }
            }
            List<String> statements = splitter.feedLine(line);
            for (String statement : statements) {
                execute(statement);
            }
        }
        out.flush();
        return failed && !input.interactive() ? ErrorReporter.FAILURE : 0;
    }

    private void execute(String sql) {
        input.remember(sql + ";");
        try (LineInput.InterruptScope ignored = input.onInterrupt(this::cancelRunning)) {
            StatementOutcome outcome = runner.run(sql, format, out);
            if (timing) {
                err.println("Time: " + Durations.format(outcome.elapsed()));
            }
        } catch (OutputClosedException e) {
            throw e; // nobody reads any more: the shell ends
        } catch (SQLException | RuntimeException e) {
            failed = true;
            out.flush();
            errors.report(e);
        }
    }

    private void cancelRunning() {
        if (runner.cancel()) {
            err.println("cancelling...");
        }
    }

    private void runMeta(MetaCommand command) {
        try {
            if (command instanceof MetaCommand.ListDatasets) {
                browser.listDatasets(out);
            } else if (command instanceof MetaCommand.Describe) {
                browser.describe(((MetaCommand.Describe) command).name(), out);
            } else if (command instanceof MetaCommand.Timing) {
                timing = ((MetaCommand.Timing) command).enabled().orElse(!timing);
                out.println("Timing is " + (timing ? "on" : "off") + ".");
            } else if (command instanceof MetaCommand.Help) {
                out.println(MetaCommand.HELP);
            } else if (command instanceof MetaCommand.Invalid) {
                failed = true;
                err.println(((MetaCommand.Invalid) command).problem());
            }
            out.flush();
        } catch (SQLException e) {
            failed = true;
            out.flush();
            errors.report(e);
        }
    }
}
