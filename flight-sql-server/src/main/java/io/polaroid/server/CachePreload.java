package io.polaroid.server;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetSnapshot;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the rows of every dataset kept in memory right after the server starts, one after the other on a
 * background thread, so that the first query of each does not wait for its loading (a client's query
 * that arrives meanwhile waits for the same load rather than starting another). A dataset that fails to
 * load is logged and left: its queries report the error.
 */
final class CachePreload implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CachePreload.class);

    private final Catalog catalog;

    CachePreload(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public void run() {
        for (DatasetDescriptor dataset : catalog.datasets()) {
            if (dataset.cache() != CacheMode.MEMORY) {
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                return;  // the server is stopping
            }
            long start = System.nanoTime();
            try {
                catalog.snapshot(dataset.name()).ifPresent(DatasetSnapshot::preload);
                LOG.info("dataset {} is in memory ({} rows, {} ms)", dataset.name(), dataset.rowCount(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (RuntimeException e) {
                LOG.warn("could not load dataset {} into memory; its queries will say why: {}", dataset.name(),
                        e.getMessage());
            }
        }
    }
}
