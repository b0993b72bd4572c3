package io.polaroid.cli.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cuts SQL text into statements at semicolons, fed one line at a time as a shell reads it. Semicolons inside
 * {@code '...'} strings, {@code "..."} identifiers and comments do not end a statement. Comments
 * ({@code -- ...} and {@code /* ... *}{@code /}) are removed from the statements returned, and statements
 * that are empty once they are gone are skipped.
 */
public final class SqlSplitter {
    private enum State { CODE, STRING, IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT }

    private final StringBuilder statement = new StringBuilder();
    private State state = State.CODE;

    /** Splits a whole text: its statements, the last one with or without a closing semicolon. */
    public static List<String> split(String text) {
        SqlSplitter splitter = new SqlSplitter();
        List<String> statements = new ArrayList<>(splitter.feed(text));
        splitter.finish().ifPresent(statements::add);
        return statements;
    }

    /** Adds a line (a line break is appended) and returns the statements it completed, in order. */
    public List<String> feedLine(String line) {
        return feed(Objects.requireNonNull(line, "line") + "\n");
    }

    /** Adds text and returns the statements it completed, in order. */
    public List<String> feed(String text) {
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
            switch (state) {
                case CODE:
                    if (c == ';') {
                        emit(complete);
                    } else if (c == '-' && next == '-') {
                        state = State.LINE_COMMENT;
                        i++;
                    } else if (c == '/' && next == '*') {
                        state = State.BLOCK_COMMENT;
                        i++;
                    } else {
                        if (c == '\'') {
                            state = State.STRING;
                        } else if (c == '"') {
                            state = State.IDENTIFIER;
                        }
                        statement.append(c);
                    }
                    break;
                case STRING:
                case IDENTIFIER:
                    // a doubled quote inside is an escaped quote: the first closes, the second reopens
                    statement.append(c);
                    if (c == (state == State.STRING ? '\'' : '"')) {
                        state = State.CODE;
                    }
                    break;
                case LINE_COMMENT:
                    if (c == '\n') {
                        statement.append('\n');
                        state = State.CODE;
                    }
                    break;
                case BLOCK_COMMENT:
                    if (c == '*' && next == '/') {
                        statement.append(' ');
                        state = State.CODE;
                        i++;
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown state " + state);
            }
        }
        return complete;
    }

    /** Whether SQL text (not only blanks and comments) is waiting for its semicolon, or a comment is open. */
    public boolean hasPendingText() {
        return !statement.toString().isBlank() || state == State.BLOCK_COMMENT
                || state == State.STRING || state == State.IDENTIFIER;
    }

    /** The text left without a closing semicolon, as a last statement (empty if there is none); resets. */
    public Optional<String> finish() {
        String rest = statement.toString().strip();
        reset();
        return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
    }

    /** Forgets the statement being typed (Ctrl-C at the prompt). */
    public void reset() {
        statement.setLength(0);
        state = State.CODE;
    }

    private void emit(List<String> complete) {
        String text = statement.toString().strip();
        statement.setLength(0);
        if (!text.isEmpty()) {
            complete.add(text);
        }
    }
}
