package io.polaroid.cli.format;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes a result to the command line's output. One implementation per output format ({@link TableFormat},
 * {@link CsvFormat}, {@link JsonFormat}); {@code sql}, {@code shell} and {@code demo} all print through this.
 *
 * <p>Implementations stream: a result is read once, row by row, and never held whole (the table keeps only
 * its first rows, to measure column widths).
 */
public interface ResultFormat {
    /**
     * Writes every remaining row of {@code rows} to {@code out} and flushes it; does not close {@code rows}.
     *
     * @return the number of rows written
     * @throws OutputClosedException when {@code out} stopped accepting output (a closed pipe)
     */
    long write(ResultSet rows, PrintWriter out) throws SQLException;
}
