package io.polaroid.cli.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * An interactive terminal through JLine: line editing, history kept in a file across sessions (one entry
 * per statement, even a multi-line one), Ctrl-C and Ctrl-D.
 */
public final class TerminalInput implements LineInput {
    private final Terminal terminal;
    private final LineReader reader;

    private TerminalInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** Opens the process's terminal, with history in {@code historyFile}. */
    public static TerminalInput open(Path historyFile) throws IOException {
        Objects.requireNonNull(historyFile, "historyFile");
        Terminal terminal = TerminalBuilder.builder().system(true).build();
        // SQL is not a shell language: quotes, backslashes and '!' are the statement's, not JLine's
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
                .appName("polaroid")
                .terminal(terminal)
                .parser(parser)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_FILE_SIZE, 10_000)
                // statements are added whole by remember(), not line by line
                .variable(LineReader.DISABLE_HISTORY, true)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
        return new TerminalInput(terminal, reader);
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new LineInterruptedException();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void remember(String statement) {
        // JLine's history ignores every add while DISABLE_HISTORY is set, ours included: lift it for this one
        reader.setVariable(LineReader.DISABLE_HISTORY, false);
        try {
            reader.getHistory().add(statement);
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
        }
    }

    @Override
    public InterruptScope onInterrupt(Runnable onInterrupt) {
        Objects.requireNonNull(onInterrupt, "onInterrupt");
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        return () -> terminal.handle(Terminal.Signal.INT, previous);
    }

    @Override
    public void close() throws IOException {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
