package io.polaroid.catalog;

/**
 * Receives {@link CatalogProgress} reports. Called on the thread that runs the catalog operation; keep it
 * quick. An exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface CatalogProgressListener {
    void onProgress(CatalogProgress progress);
}
