package io.polaroid.catalog;

import io.polaroid.catalog.snapshot.Snapshot;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One immutable version of the catalog's contents: the schemas and the current snapshot of every dataset.
 * Changes build a new state; readers see either the old or the new one, never a mix.
 *
 * @param schemas  display name of every schema, by normalized name
 * @param datasets current snapshot of every dataset, by {@link DatasetName#key()}
 */
record CatalogState(NavigableMap<String, String> schemas, NavigableMap<DatasetName, Snapshot> datasets) {
    static final Comparator<DatasetName> KEY_ORDER =
            Comparator.comparing(DatasetName::schema).thenComparing(DatasetName::name);

    CatalogState {
        schemas = Collections.unmodifiableNavigableMap(new TreeMap<>(schemas));
        TreeMap<DatasetName, Snapshot> sorted = new TreeMap<>(KEY_ORDER);
        sorted.putAll(datasets);
        datasets = Collections.unmodifiableNavigableMap(sorted);
    }

    /** A catalog holding only the default schema. */
    static CatalogState empty() {
        TreeMap<String, String> schemas = new TreeMap<>();
        schemas.put(Catalog.DEFAULT_SCHEMA, Catalog.DEFAULT_SCHEMA);
        return new CatalogState(schemas, new TreeMap<>(KEY_ORDER));
    }

    boolean hasSchema(String schema) {
        return schemas.containsKey(DatasetName.normalize(schema));
    }

    /** The schema's name as created. */
    String schemaDisplayName(String schema) {
        return schemas.get(DatasetName.normalize(schema));
    }

    Snapshot dataset(DatasetName name) {
        return datasets.get(name.key());
    }

    /** The datasets of {@code schema}, sorted. */
    List<Snapshot> datasetsIn(String schema) {
        String key = DatasetName.normalize(schema);
        return datasets.values().stream().filter(s -> s.name().key().schema().equals(key)).toList();
    }

    CatalogState withSchema(String schema) {
        TreeMap<String, String> next = new TreeMap<>(schemas);
        next.put(DatasetName.normalize(schema), schema);
        return new CatalogState(next, datasets);
    }

    CatalogState withoutSchema(String schema) {
        TreeMap<String, String> next = new TreeMap<>(schemas);
        next.remove(DatasetName.normalize(schema));
        return new CatalogState(next, datasets);
    }

    /** This state with {@code snapshot} as the current snapshot of its dataset (added or replacing). */
    CatalogState withDataset(Snapshot snapshot) {
        TreeMap<DatasetName, Snapshot> next = new TreeMap<>(datasets);
        next.put(snapshot.name().key(), snapshot);
        return new CatalogState(schemas, next);
    }

    CatalogState withoutDataset(DatasetName name) {
        TreeMap<DatasetName, Snapshot> next = new TreeMap<>(datasets);
        next.remove(name.key());
        return new CatalogState(schemas, next);
    }
}
