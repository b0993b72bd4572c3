package io.polaroid.catalog;

import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;

/** Run in a separate JVM by {@link CatalogPersistenceTest}: tries to open a catalog and prints what happened. */
public final class SecondProcess {
    private SecondProcess() {
    }

    public static void main(String[] args) {
        try (RootAllocator allocator = new RootAllocator();
             Catalog catalog = Catalog.open(Path.of(args[0]), CatalogOptions.builder(allocator).build())) {
            System.out.println("OPENED " + catalog.schemaNames());
        } catch (PolaroidException e) {
            System.out.println("FAILED " + e.sqlState() + " " + e.getMessage());
        }
    }
}
