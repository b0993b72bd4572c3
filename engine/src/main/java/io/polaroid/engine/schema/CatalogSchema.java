package io.polaroid.engine.schema;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetName;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * One schema of the catalog as a Calcite schema. Tables are looked up in the catalog by name when the
 * validator asks for them (the catalog matches names case-insensitively), so planning a statement never
 * touches datasets it does not name.
 */
final class CatalogSchema extends AbstractSchema {
    private final Catalog catalog;
    private final String schemaName;
    private final Lookup<Table> tables = new DatasetLookup();

    CatalogSchema(Catalog catalog, String schemaName) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    }

    @Override
    public Lookup<Table> tables() {
        return tables;
    }

    @Override
    public boolean isMutable() {
        return false;
    }

    private Optional<DatasetTable> find(String name) {
        return catalog.snapshot(new DatasetName(schemaName, name)).map(s -> new DatasetTable(s, false));
    }

    private final class DatasetLookup implements Lookup<Table> {
        @Override
        public Table get(String name) {
            // The catalog ignores case; an exact lookup must not.
            return find(name).filter(t -> t.name().name().equals(name)).orElse(null);
        }

        @Override
        public Named<Table> getIgnoreCase(String name) {
            return find(name).map(t -> new Named<Table>(t.name().name(), t)).orElse(null);
        }

        @Override
        public Set<String> getNames(LikePattern pattern) {
            Set<String> names = new LinkedHashSet<>();
            for (DatasetDescriptor dataset : catalog.datasets()) {
                if (DatasetName.normalize(dataset.name().schema()).equals(DatasetName.normalize(schemaName))
                        && pattern.matcher().apply(dataset.name().name())) {
                    names.add(dataset.name().name());
                }
            }
            return names;
        }
    }
}
