package io.polaroid.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the command line in-process, the way {@code main} does but with captured output, a home directory of
 * the test's own and the given standard input (never a terminal).
 *
 * @param exitCode the command's exit code
 * @param out      what it wrote to standard output
 * @param err      what it wrote to standard error
 */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path home, String... args) {
        return runWithInput(home, Map.of(), "", args);
    }

    static CliRun runWithInput(Path home, Map<String, String> variables, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, home,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, false);
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err)) {
            exitCode = PolaroidCli.commandLine(environment, outWriter, errWriter).execute(args);
        }
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
