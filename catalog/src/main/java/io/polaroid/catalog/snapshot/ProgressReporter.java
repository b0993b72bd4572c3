package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CatalogProgress;
import io.polaroid.catalog.CatalogProgressListener;
import io.polaroid.catalog.DatasetName;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends progress of one dataset operation to the optional listener; a failing listener is logged, not fatal. */
final class ProgressReporter {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final Optional<CatalogProgressListener> listener;
    private final DatasetName dataset;

    ProgressReporter(Optional<CatalogProgressListener> listener, DatasetName dataset) {
        this.listener = listener;
        this.dataset = dataset;
    }

    void report(CatalogProgress.Phase phase, long completed, long total) {
        if (listener.isEmpty()) {
            return;
        }
        try {
            listener.get().onProgress(new CatalogProgress(dataset, phase, completed, total));
        } catch (RuntimeException e) {
            LOG.warn("progress listener failed for dataset {}", dataset, e);
        }
    }
}
