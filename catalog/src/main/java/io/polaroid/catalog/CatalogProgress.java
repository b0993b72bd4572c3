package io.polaroid.catalog;

import java.util.Objects;

/**
 * How far a long catalog operation has come, for progress bars.
 *
 * @param dataset   the dataset being built or loaded
 * @param phase     what is being done
 * @param completed units done so far (files for {@link Phase#READING_FOOTERS}, rows for {@link Phase#LOADING_CACHE})
 * @param total     units in all
 */
public record CatalogProgress(DatasetName dataset, Phase phase, long completed, long total) {

    public enum Phase {
        /** Reading the metadata of new or changed files; units are files. */
        READING_FOOTERS,
        /** Loading a {@link CacheMode#MEMORY} dataset into memory; units are rows. */
        LOADING_CACHE
    }

    public CatalogProgress {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(phase, "phase");
    }
}
