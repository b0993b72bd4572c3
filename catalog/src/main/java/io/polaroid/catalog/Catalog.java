package io.polaroid.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The datasets a process serves: named bindings of Parquet files, grouped in schemas, each with an
 * immutable current {@link DatasetSnapshot}.
 *
 * <p>Reads ({@link #snapshot}, {@link #datasets}, ...) never block and never see a half-applied change.
 * Changes are serialized: one runs at a time, and a change that fails leaves the catalog (in memory and on
 * disk) as it was. Every method throws {@link io.polaroid.error.PolaroidException} for user errors.
 */
public interface Catalog extends AutoCloseable {
    /** The schema that always exists and that unqualified names belong to. */
    String DEFAULT_SCHEMA = "main";

    /**
     * Opens (or creates) the persistent catalog stored in {@code directory}. The directory is locked
     * against other processes until {@link #close()}; a second open fails with {@code 55006}.
     */
    static Catalog open(Path directory, CatalogOptions options) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        return LocalCatalog.open(directory, options, CatalogDirectory.SaveHook.NONE);
    }

    /** A catalog that lives only in this process. */
    static Catalog inMemory(CatalogOptions options) {
        Objects.requireNonNull(options, "options");
        return LocalCatalog.transientCatalog(options);
    }

    /** Every schema name, sorted case-insensitively. */
    List<String> schemaNames();

    boolean schemaExists(String schema);

    /** Creates a schema; {@code 42P06} if it exists and {@code ifNotExists} is false. */
    void createSchema(String name, boolean ifNotExists);

    /**
     * Drops an empty schema: {@code 3F000} if it does not exist (unless {@code ifExists}), {@code 2BP01} if
     * it still holds datasets; {@value #DEFAULT_SCHEMA} cannot be dropped.
     */
    void dropSchema(String name, boolean ifExists);

    /**
     * Registers {@code location} (a file, a directory or a glob; relative to the working directory) as a
     * dataset, reading every footer and, for {@link CacheMode#MEMORY}, loading the data. Returns the new
     * snapshot, or the existing one if the dataset exists and {@code ifNotExists}; {@code 42P07} otherwise.
     */
    DatasetSnapshot createDataset(DatasetName name, String location, CacheMode cache, boolean ifNotExists);

    /**
     * Re-lists the dataset's files, reads the footers of new and changed files and swaps in a new snapshot.
     * Queries running on the old snapshot finish on it. {@code 42P01} if the dataset does not exist.
     */
    DatasetSnapshot refreshDataset(DatasetName name);

    /**
     * Points an existing dataset at {@code location} (a file, a directory or a glob) in one change, keeping
     * its name and cache mode: a new snapshot of the files there replaces the current one, as a refresh
     * would, and queries running on the old snapshot finish on it. {@code 42P01} if the dataset does not
     * exist; if the new location cannot be read the dataset stays as it was. (Bulk ingest replaces a
     * dataset's data this way: it writes the new files elsewhere, then relocates the dataset.)
     */
    DatasetSnapshot relocateDataset(DatasetName name, String location);

    /**
     * Adds data files to a dataset whose location is a directory, in one change: moves each of
     * {@code files} into that directory (an atomic rename, so they must be on its file system, under names
     * that do not exist there yet) and swaps in a snapshot that includes them. If the snapshot cannot be
     * built (a file's columns conflict with the dataset's, say) or saved, the moved files are deleted and
     * the dataset stays as it was. {@code 42P01} if the dataset does not exist, {@code 0A000} if its
     * location is a file or a glob.
     */
    DatasetSnapshot appendFiles(DatasetName name, List<Path> files);

    /** Drops a dataset; returns whether it existed. {@code 42P01} if missing and not {@code ifExists}. */
    boolean dropDataset(DatasetName name, boolean ifExists);

    /** Every dataset of every schema, sorted by schema then name. */
    List<DatasetDescriptor> datasets();

    /**
     * The current snapshot of a dataset, or empty if there is no such dataset. Plan scans on it promptly
     * (take it again for every execution of a prepared statement): a {@link ScanPlan} pins the snapshot, but
     * the snapshot alone does not. Once a refresh or drop has replaced an unpinned snapshot, its rows in
     * memory are freed and its scans read the files instead, which fails with a clear error if they changed.
     */
    Optional<DatasetSnapshot> snapshot(DatasetName name);

    /**
     * A snapshot of {@code location} that is not registered and never cached, for
     * {@code read_parquet('...')}. Reads every footer on each call.
     */
    DatasetSnapshot adHoc(String location);

    /**
     * Releases the catalog: unlocks the directory and frees every cached byte. Memory still pinned by an
     * open {@link ScanPlan} is freed when that plan closes. Idempotent.
     */
    @Override
    void close();
}
