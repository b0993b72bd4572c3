package io.polaroid.server.metadata;

import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * GetPrimaryKeys, GetExportedKeys, GetImportedKeys and GetCrossReference: datasets over Parquet files
 * declare no keys, so each result is empty, with the columns the specification gives it (clients read
 * the schema even when there are no rows).
 */
public final class KeyListings {
    private KeyListings() {
    }

    public static VectorSchemaRoot primaryKeys(BufferAllocator allocator) {
        return empty(Schemas.GET_PRIMARY_KEYS_SCHEMA, allocator);
    }

    /** Exported keys, imported keys and cross references share one schema. */
    public static VectorSchemaRoot foreignKeys(BufferAllocator allocator) {
        return empty(Schemas.GET_CROSS_REFERENCE_SCHEMA, allocator);
    }

    private static VectorSchemaRoot empty(Schema schema, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
        root.setRowCount(0);
        return root;
    }
}
