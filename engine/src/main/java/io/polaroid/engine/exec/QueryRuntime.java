package io.polaroid.engine.exec;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.engine.types.ParameterValues;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Everything one execution of a planned statement needs at run time: the operators' shared
 * {@link ExecutionContext}, the bound parameters, the catalog snapshots the query reads (each dataset is
 * resolved once per execution, so every scan of it sees the same snapshot), the threads for parallel
 * scans, and the {@link DataContext} through which Calcite's generated row code reaches all of these.
 */
public final class QueryRuntime {
    /** The {@link DataContext} key under which Calcite's generated code finds this runtime. */
    public static final String DATA_CONTEXT_KEY = "polaroid.runtime";

    private final ExecutionContext context;
    private final Catalog catalog;
    private final ParameterValues parameters;
    private final ExecutorService scanExecutor;
    private final int parallelism;
    private final Map<String, DatasetSnapshot> snapshots = new ConcurrentHashMap<>();
    private final long startMillis = System.currentTimeMillis();
    private final AtomicBoolean cancelFlag = new AtomicBoolean();
    private final Map<Object, AutoCloseable> shared = new LinkedHashMap<>();
    private boolean closed;
    private final SchemaPlus rootSchema;
    private final JavaTypeFactory typeFactory;

    /**
     * @param rootSchema  the Calcite schema the statement was planned against (Calcite's generated code
     *                    may reach tables through it)
     * @param typeFactory the statement's type factory
     */
    public QueryRuntime(ExecutionContext context, Catalog catalog, ParameterValues parameters,
                        ExecutorService scanExecutor, int parallelism, SchemaPlus rootSchema,
                        JavaTypeFactory typeFactory) {
        this.context = Objects.requireNonNull(context, "context");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.scanExecutor = Objects.requireNonNull(scanExecutor, "scanExecutor");
        this.parallelism = parallelism;
        this.rootSchema = Objects.requireNonNull(rootSchema, "rootSchema");
        this.typeFactory = Objects.requireNonNull(typeFactory, "typeFactory");
        context.cancellation().onCancel(() -> cancelFlag.set(true));
    }

    public ExecutionContext context() {
        return context;
    }

    public ParameterValues parameters() {
        return parameters;
    }

    public ExecutorService scanExecutor() {
        return scanExecutor;
    }

    /** How many threads a scan may use. */
    public int parallelism() {
        return parallelism;
    }

    /**
     * The snapshot of {@code name} this execution reads, the same for every scan of it. Fails with 42P01
     * if the dataset was dropped, and with 42000 if its columns changed since the statement was planned
     * against {@code plannedSchema} (the plan's column positions would be wrong).
     */
    public DatasetSnapshot snapshot(DatasetName name, Schema plannedSchema) {
        return snapshots.computeIfAbsent(name.key().toString(), key -> {
            DatasetSnapshot snapshot = catalog.snapshot(name).orElseThrow(() -> new PolaroidException(
                    ErrorCode.UNDEFINED_TABLE, "dataset " + name + " does not exist (it was dropped)"));
            if (!snapshot.schema().equals(plannedSchema)) {
                throw new PolaroidException(ErrorCode.INVALID_STATEMENT, "the columns of dataset " + name
                        + " changed since the statement was prepared; prepare it again");
            }
            return snapshot;
        });
    }

    /**
     * The resource {@code key} names for this execution, created by {@code create} on first use (by
     * whichever thread asks first) and closed by {@link #close()} when the execution ends: what several
     * operators of one execution share, such as the build side of a join probed on every scan thread.
     */
    public <T extends AutoCloseable> T shared(Object key, Class<T> type, Supplier<T> create) {
        synchronized (shared) {
            if (closed) {
                throw new IllegalStateException("the execution has ended");
            }
            return type.cast(shared.computeIfAbsent(key, k -> create.get()));
        }
    }

    /** Closes what {@link #shared} created, newest first. Called when the execution ends. Idempotent. */
    public void close() {
        List<AutoCloseable> resources;
        synchronized (shared) {
            closed = true;
            resources = new ArrayList<>(shared.values());
            shared.clear();
        }
        Collections.reverse(resources);
        io.polaroid.engine.exec.vector.Closeables.closeAll(resources.toArray(new AutoCloseable[0]));
    }

    /** The runtime behind a {@link DataContext} made by {@link #dataContext}. */
    public static QueryRuntime from(DataContext dataContext) {
        return (QueryRuntime) Objects.requireNonNull(dataContext.get(DATA_CONTEXT_KEY),
                "the DataContext carries no Polaroid runtime");
    }

    /**
     * The context Calcite's generated code runs with: our runtime, the plan's stashed objects, the bound
     * parameters (as {@code ?0}, {@code ?1}, ...), the cancel flag, and the session time (UTC).
     */
    public DataContext dataContext(Map<String, Object> stashedValues) {
        return new DataContext() {
            @Override
            public SchemaPlus getRootSchema() {
                return rootSchema;
            }

            @Override
            public JavaTypeFactory getTypeFactory() {
                return typeFactory;
            }

            @Override
            public QueryProvider getQueryProvider() {
                throw new UnsupportedOperationException("queryable tables are not used");
            }

            @Override
            public Object get(String name) {
                if (name.startsWith("?")) {
                    return parameters.internalValue(Integer.parseInt(name.substring(1)));
                }
                if (DATA_CONTEXT_KEY.equals(name)) {
                    return QueryRuntime.this;
                }
                Object stashed = stashedValues.get(name);
                if (stashed != null) {
                    return stashed;
                }
                if (Variable.CANCEL_FLAG.camelName.equals(name)) {
                    return cancelFlag;
                }
                if (Variable.UTC_TIMESTAMP.camelName.equals(name)
                        || Variable.CURRENT_TIMESTAMP.camelName.equals(name)
                        || Variable.LOCAL_TIMESTAMP.camelName.equals(name)
                        || Variable.SYS_TIMESTAMP.camelName.equals(name)) {
                    return startMillis;
                }
                if (Variable.TIME_ZONE.camelName.equals(name)) {
                    return TimeZone.getTimeZone("UTC");
                }
                if (Variable.LOCALE.camelName.equals(name)) {
                    return java.util.Locale.ROOT;
                }
                if (Variable.USER.camelName.equals(name) || Variable.SYSTEM_USER.camelName.equals(name)) {
                    return "polaroid";
                }
                return null;
            }
        };
    }

    /** The start of the query in epoch milliseconds: CURRENT_TIMESTAMP for the whole query. */
    public long startMillis() {
        return startMillis;
    }
}
