package io.polaroid.engine.schema;

import io.polaroid.catalog.Catalog;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The Calcite schema tree over a catalog: root → {@code polaroid} (the JDBC catalog) → one schema per
 * catalog schema → one table per dataset, plus the {@code read_parquet} table function at the root.
 * Built per statement (it is a few small objects); tables resolve lazily against the catalog.
 */
public final class PolaroidSchemas {
    /** The JDBC catalog name, and the name of the Calcite schema that holds the catalog's schemas. */
    public static final String CATALOG_NAME = "polaroid";

    private PolaroidSchemas() {
    }

    /** A fresh root schema over {@code catalog}. */
    public static CalciteSchema root(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        SchemaPlus plus = root.plus();
        plus.add(CATALOG_NAME, new CatalogSchemas(catalog));
        plus.add(ReadParquetMacro.NAME, new ReadParquetMacro(catalog));
        return root;
    }

    /** The schemas of the catalog, looked up by name as the validator needs them. */
    private static final class CatalogSchemas extends AbstractSchema {
        private final Catalog catalog;
        private final Lookup<Schema> schemas = new Lookup<>() {
            @Override
            public Schema get(String name) {
                return catalog.schemaNames().contains(name) ? new CatalogSchema(catalog, name) : null;
            }

            @Override
            public Named<Schema> getIgnoreCase(String name) {
                for (String schema : catalog.schemaNames()) {
                    if (schema.equalsIgnoreCase(name)) {
                        return new Named<>(schema, new CatalogSchema(catalog, schema));
                    }
                }
                return null;
            }

            @Override
            public Set<String> getNames(LikePattern pattern) {
                Set<String> names = new LinkedHashSet<>();
                for (String schema : catalog.schemaNames()) {
                    if (pattern.matcher().apply(schema)) {
                        names.add(schema);
                    }
                }
                return names;
            }
        };

        CatalogSchemas(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Lookup<? extends Schema> subSchemas() {
            return schemas;
        }

        @Override
        public boolean isMutable() {
            return false;
        }
    }
}
