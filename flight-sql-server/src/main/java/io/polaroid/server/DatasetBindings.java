package io.polaroid.server;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code --dataset name=path} bindings when the server starts: a dataset that is new is
 * registered (its schema created if needed), one registered at the same location is refreshed (its files
 * may have changed while the server was down), one registered elsewhere is moved to the new location.
 * Any failure stops the start: a server that silently lacks a dataset it was told to serve is worse than
 * one that does not start.
 */
public final class DatasetBindings {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetBindings.class);

    private DatasetBindings() {
    }

    public static void apply(Catalog catalog, List<DatasetBinding> bindings) {
        for (DatasetBinding binding : bindings) {
            apply(catalog, binding);
        }
    }

    private static void apply(Catalog catalog, DatasetBinding binding) {
        DatasetName name = Objects.requireNonNull(binding.name(), "name");
        Optional<DatasetSnapshot> existing = catalog.snapshot(name);
        if (existing.isEmpty()) {
            catalog.createSchema(name.schema(), true);
            catalog.createDataset(name, binding.location(), CacheMode.NONE, false);
            LOG.info("registered dataset {} at {}", name, binding.location());
        } else if (existing.get().location().equals(binding.location())) {
            catalog.refreshDataset(name);
            LOG.info("refreshed dataset {} at {}", name, binding.location());
        } else {
            catalog.relocateDataset(name, binding.location());
            LOG.info("moved dataset {} from {} to {}", name, existing.get().location(), binding.location());
        }
    }
}
