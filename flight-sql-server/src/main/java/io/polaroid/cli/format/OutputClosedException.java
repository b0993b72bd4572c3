package io.polaroid.cli.format;

/**
 * The output went away while a result was being written, typically a pipe closed by its reader
 * ({@code polaroid sql "..." | head}). The command stops reading the result; this is not an error to report.
 */
public final class OutputClosedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputClosedException() {
        super("the output was closed", null, false, false);
    }
}
