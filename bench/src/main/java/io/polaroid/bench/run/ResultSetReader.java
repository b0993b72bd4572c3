package io.polaroid.bench.run;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fetches a whole result the way an application does: every row, every column through
 * {@link ResultSet#getObject(int)}. The same loop runs for every driver, so both sides do the same work.
 */
final class ResultSetReader {
    private ResultSetReader() {
    }

    /** Reads every value into {@code sink}; returns the number of rows. */
    static long read(ResultSet resultSet, ValueSink sink) throws SQLException {
        int columns = resultSet.getMetaData().getColumnCount();
        long rows = 0;
        while (resultSet.next()) {
            for (int c = 1; c <= columns; c++) {
                sink.value(c - 1, resultSet.getObject(c));
            }
            sink.endRow();
            rows++;
        }
        return rows;
    }

    /** Keeps the values alive just enough that the JIT cannot drop the fetches: counts the non-null ones. */
    static final class Blackhole implements ValueSink {
        private long nonNull;

        @Override
        public void value(int column, Object value) {
            if (value != null) {
                nonNull++;
            }
        }

        @Override
        public void endRow() {
        }

        long nonNull() {
            return nonNull;
        }
    }
}
