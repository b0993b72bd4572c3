package io.polaroid.cli.format;

import java.io.PrintWriter;

/** Checks now and then whether the output still takes rows, so a closed pipe stops a long result early. */
final class RowLoop {
    private static final int CHECK_EVERY_ROWS = 4096;

    private RowLoop() {
    }

    /** After writing row {@code rowsWritten}: throws {@link OutputClosedException} if {@code out} failed. */
    static void checkOutput(PrintWriter out, long rowsWritten) {
        if (rowsWritten % CHECK_EVERY_ROWS == 0 && out.checkError()) {
            throw new OutputClosedException();
        }
    }

    /** Flushes {@code out} at the end of a result; throws {@link OutputClosedException} if it failed. */
    static void finish(PrintWriter out) {
        if (out.checkError()) {
            throw new OutputClosedException();
        }
    }
}
