package io.polaroid.catalog.snapshot;

import io.polaroid.catalog.CatalogOptions;
import io.polaroid.catalog.location.DataLocations;
import java.util.Objects;

/** What every snapshot of one catalog shares: file access and the catalog's options. */
record SnapshotContext(DataLocations locations, CatalogOptions options) {
    SnapshotContext {
        Objects.requireNonNull(locations, "locations");
        Objects.requireNonNull(options, "options");
    }
}
