package io.polaroid.cli.shell;

import java.io.IOException;

/** Where the shell reads its lines: a terminal with line editing and history, or a pipe. */
public interface LineInput extends AutoCloseable {
    /**
     * The next line without its line break, or null at the end of input (Ctrl-D, end of the pipe).
     *
     * @param prompt shown before the line on a terminal; ignored for a pipe
     * @throws LineInterruptedException when the user pressed Ctrl-C while typing
     */
    String readLine(String prompt) throws IOException;

    /** Whether a person is typing (prompts, banner and timing are for people). */
    boolean interactive();

    /** Remembers a complete statement in the history; a pipe has none. */
    void remember(String statement);

    /**
     * Runs {@code onInterrupt} when Ctrl-C is pressed until the returned handle is closed: how a running
     * statement gets cancelled. A pipe has no Ctrl-C of its own (the signal ends the process).
     */
    InterruptScope onInterrupt(Runnable onInterrupt);

    @Override
    void close() throws IOException;

    /** Restores the interrupt handling that was in place before {@link #onInterrupt}. */
    interface InterruptScope extends AutoCloseable {
        @Override
        void close();
    }

    /** Ctrl-C at the prompt: the statement being typed is abandoned. */
    final class LineInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public LineInterruptedException() {
            super("interrupted", null, false, false);
        }
    }
}
