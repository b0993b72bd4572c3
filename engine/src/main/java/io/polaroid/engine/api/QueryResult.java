package io.polaroid.engine.api;

import io.polaroid.columnar.BatchSource;
import java.util.List;

/**
 * What executing a statement yields: a stream of batches for a query, or an update count for a
 * command. The caller must {@link #close()} it, which frees every byte of memory the query holds.
 */
public interface QueryResult extends BatchSource {

    /** Rows changed or objects affected by a command; {@code -1} when this result streams rows. */
    long updateCount();

    /** Non-fatal notes for the client (JDBC {@code SQLWarning}s), in the order they arose. */
    List<String> warnings();
}
