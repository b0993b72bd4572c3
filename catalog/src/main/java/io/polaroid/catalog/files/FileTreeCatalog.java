package io.polaroid.catalog.files;

import io.polaroid.catalog.CacheMode;
import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.CatalogOptions;
import io.polaroid.catalog.DatasetDescriptor;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.files.csv.CsvFile;
import io.polaroid.catalog.files.ipc.ArrowIpcFile;
import io.polaroid.catalog.location.DataLocations;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transient catalog whose datasets are the files under one path ({@link FileDiscovery}), for a
 * connection that keeps no catalog: the tables are listed when the catalog opens, and each is opened
 * (footers read, CSV types inferred) the first time a statement or metadata call needs it, so one
 * unreadable file fails only the statements that use it. Rows are never cached: Parquet tables are
 * registered with {@link CacheMode#NONE}, and CSV and Arrow IPC tables stream their file on every scan.
 *
 * <p>Everything else — schemas, datasets a session creates, {@code read_parquet} — is an in-memory
 * catalog's, so SQL behaves as in the embedded mode. A file table can be refreshed (re-read) or dropped
 * (forgotten by this catalog; the file stays).
 */
public final class FileTreeCatalog implements Catalog {
    private static final Logger LOG = LoggerFactory.getLogger(FileTreeCatalog.class);

    private final Catalog memory;
    private final DataLocations locations;
    private final CatalogOptions options;
    private final FileDiscovery.FileTree tree;
    /** Discovered tables not opened yet, by key. */
    private final Map<DatasetName, FileTable> unopened = new LinkedHashMap<>();
    /** Opened CSV and Arrow IPC tables, by key (opened Parquet tables live in {@link #memory}). */
    private final Map<DatasetName, TableFileSnapshot> files = new LinkedHashMap<>();
    private long versions;

    private FileTreeCatalog(Catalog memory, DataLocations locations, CatalogOptions options, FileDiscovery.FileTree tree) {
        this.memory = memory;
        this.locations = locations;
        this.options = options;
        this.tree = tree;
        tree.tables().forEach(table -> unopened.put(table.name().key(), table));
    }

    /**
     * Lists the tables under {@code target} (a file, directory or glob). {@code 58P01} if it does not
     * exist; see {@link FileDiscovery} for the rules.
     */
    public static FileTreeCatalog open(String target, CatalogOptions options) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        DataLocations locations = new DataLocations(options.workingDirectory(), options.dataRoots());
        FileDiscovery.FileTree tree = FileDiscovery.discover(target, locations);
        return new FileTreeCatalog(Catalog.inMemory(options), locations, options, tree);
    }

    /** What was found under the path, with notes for the user (ambiguous names, no files). */
    public FileDiscovery.FileTree tree() {
        return tree;
    }

    @Override
    public List<String> schemaNames() {
        return memory.schemaNames();
    }

    @Override
    public boolean schemaExists(String schema) {
        return memory.schemaExists(schema);
    }

    @Override
    public void createSchema(String name, boolean ifNotExists) {
        memory.createSchema(name, ifNotExists);
    }

    @Override
    public void dropSchema(String name, boolean ifExists) {
        memory.dropSchema(name, ifExists);
    }

    @Override
    public synchronized DatasetSnapshot createDataset(DatasetName name, String location, CacheMode cache,
                                                      boolean ifNotExists) {
        DatasetName key = Objects.requireNonNull(name, "name").key();
        // a name taken by a file is taken even if the file cannot be read
        FileTable table = files.containsKey(key) ? files.get(key).table() : unopened.get(key);
        if (table == null) {
            return memory.createDataset(name, location, cache, ifNotExists);
        }
        if (ifNotExists) {
            return fileTable(name).orElseThrow();
        }
        throw new PolaroidException(ErrorCode.DUPLICATE_TABLE, "dataset " + name + " already exists: it is file '"
                + table.location() + "'");
    }

    @Override
    public synchronized DatasetSnapshot refreshDataset(DatasetName name) {
        DatasetName key = Objects.requireNonNull(name, "name").key();
        TableFileSnapshot file = files.get(key);
        if (file != null) {
            return openFile(file.table());
        }
        if (unopened.containsKey(key)) {
            return fileTable(name).orElseThrow();
        }
        return memory.refreshDataset(name);
    }

    @Override
    public synchronized DatasetSnapshot relocateDataset(DatasetName name, String location) {
        requireParquet(name, "relocated");
        return memory.relocateDataset(name, location);
    }

    @Override
    public synchronized DatasetSnapshot appendFiles(DatasetName name, List<Path> newFiles) {
        requireParquet(name, "appended to");
        return memory.appendFiles(name, newFiles);
    }

    @Override
    public synchronized boolean dropDataset(DatasetName name, boolean ifExists) {
        DatasetName key = Objects.requireNonNull(name, "name").key();
        if (unopened.remove(key) != null || files.remove(key) != null) {
            return true;
        }
        return memory.dropDataset(name, ifExists);
    }

    /**
     * Every dataset, opening the file tables not opened yet. A table whose file cannot be read is left
     * out (and logged) so that listing tables still works; querying it reports the error.
     */
    @Override
    public List<DatasetDescriptor> datasets() {
        List<FileTable> pending;
        synchronized (this) {
            pending = List.copyOf(unopened.values());
        }
        for (FileTable table : pending) {
            try {
                snapshot(table.name());
            } catch (PolaroidException e) {
                LOG.warn("table {} is not listed: {}", table.name().name(), e.getMessage());
            }
        }
        List<DatasetDescriptor> all = new ArrayList<>(memory.datasets());
        synchronized (this) {
            for (TableFileSnapshot file : files.values()) {
                all.add(new DatasetDescriptor(file.name(), file.location(), CacheMode.NONE, file.rowCount(), 1,
                        file.totalBytes(), file.schema()));
            }
        }
        all.sort(Comparator.comparing((DatasetDescriptor d) -> d.name().key().schema())
                .thenComparing(d -> d.name().key().name()));
        return all;
    }

    @Override
    public Optional<DatasetSnapshot> snapshot(DatasetName name) {
        Optional<DatasetSnapshot> file = fileTable(Objects.requireNonNull(name, "name"));
        return file.isPresent() ? file : memory.snapshot(name);
    }

    @Override
    public DatasetSnapshot adHoc(String location) {
        return memory.adHoc(location);
    }

    @Override
    public void close() {
        memory.close();
    }

    /** The file table of {@code name}, opening it on first use; empty if no file has that name. */
    private synchronized Optional<DatasetSnapshot> fileTable(DatasetName name) {
        DatasetName key = name.key();
        TableFileSnapshot file = files.get(key);
        if (file != null) {
            return Optional.of(file);
        }
        FileTable table = unopened.get(key);
        if (table == null) {
            return Optional.empty();
        }
        DatasetSnapshot opened = table.format() == FileFormat.PARQUET
                ? memory.createDataset(table.name(), table.location().toString(), CacheMode.NONE, false)
                : openFile(table);
        unopened.remove(key);
        return Optional.of(opened);
    }

    private TableFileSnapshot openFile(FileTable table) {
        Path path = table.location();
        DataLocations.FileStamp stamp = locations.stat(path).orElseThrow(() -> new PolaroidException(
                ErrorCode.FILE_NOT_FOUND, "file '" + path + "' of table " + table.name().name() + " no longer exists"));
        TableFile file = switch (table.format()) {
            case CSV -> CsvFile.open(path, stamp.size());
            case ARROW_IPC -> ArrowIpcFile.open(path, stamp.size(), options.cacheAllocator());
            case PARQUET -> throw new IllegalArgumentException("Parquet tables are served by the in-memory catalog");
        };
        TableFileSnapshot snapshot = new TableFileSnapshot(table, file, stamp, locations, ++versions);
        files.put(table.name().key(), snapshot);
        return snapshot;
    }

    private void requireParquet(DatasetName name, String verb) {
        Optional<DatasetSnapshot> file = fileTable(Objects.requireNonNull(name, "name"));
        if (file.isPresent() && file.get() instanceof TableFileSnapshot) {
            throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED, "dataset " + name + " is file '"
                    + file.get().location() + "'; only Parquet datasets can be " + verb);
        }
    }
}
