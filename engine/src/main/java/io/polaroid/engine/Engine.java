package io.polaroid.engine;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.CatalogOptions;
import io.polaroid.engine.api.SqlSession;
import io.polaroid.engine.plan.PlanCache;
import io.polaroid.engine.plan.QueryPlanner;
import io.polaroid.engine.session.EngineServices;
import io.polaroid.engine.session.EngineSession;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The SQL engine of one process (or one catalog directory): a catalog, the planner, the memory every
 * query and the dataset cache draw from, and the threads that scan in parallel. Sessions opened from it
 * share all of that. Most callers get an engine through {@link EngineRegistry}, so connections to one
 * catalog directory share one engine.
 *
 * <p>Start-up is cheap: Calcite's planner machinery (thousands of classes, generated metadata handlers)
 * loads in the background, once per process, while the caller connects and registers datasets, so
 * opening does not wait for it and the first query does not pay for all of it ({@link PlannerWarmUp}).
 */
public final class Engine implements AutoCloseable {
    private static final int PLAN_CACHE_CAPACITY = 256;

    private final EngineConfig config;
    private final BufferAllocator rootAllocator;
    private final BufferAllocator cacheAllocator;
    private final Catalog catalog;
    private final ExecutorService scanExecutor;
    private final ScheduledExecutorService timer;
    private final EngineServices services;
    /** The planner warm-up this engine started (the first engine of the process starts one), or null. */
    private volatile java.util.concurrent.Future<?> warmUp;
    private volatile boolean closed;

    private Engine(EngineConfig config) {
        this.config = config;
        this.rootAllocator = new RootAllocator(config.memoryLimitBytes());
        Catalog opened = null;
        BufferAllocator cache = null;
        try {
            cache = rootAllocator.newChildAllocator("dataset-cache", 0, config.memoryLimitBytes());
            CatalogOptions options = CatalogOptions.builder(cache).workingDirectory(config.workingDirectory())
                    .dataRoots(config.dataRoots()).build();
            if (config.catalogFactory().isPresent()) {
                opened = Objects.requireNonNull(config.catalogFactory().get().apply(options), "catalog factory result");
            } else {
                opened = config.catalogDirectory().isPresent()
                        ? Catalog.open(config.catalogDirectory().get(), options)
                        : Catalog.inMemory(options);
            }
        } catch (RuntimeException e) {
            if (cache != null) {
                cache.close();
            }
            rootAllocator.close();
            throw e;
        }
        this.cacheAllocator = cache;
        this.catalog = opened;
        this.scanExecutor = Executors.newCachedThreadPool(daemonThreads("polaroid-scan"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("polaroid-timeout"));
        this.services = new EngineServices(catalog, new QueryPlanner(catalog, config.vectorExecution()),
                new PlanCache(PLAN_CACHE_CAPACITY), rootAllocator, config.defaultQueryMemoryLimitBytes(),
                config.batchRows(), config.parallelism(), scanExecutor, timer);
    }

    /** Opens an engine: opens or creates the catalog (locking its directory) and the root allocator. */
    public static Engine open(EngineConfig config) {
        Objects.requireNonNull(config, "config");
        Engine engine = new Engine(config);
        engine.warmUp = PlannerWarmUp.startOncePerProcess(engine.services, engine.scanExecutor);
        return engine;
    }

    public EngineConfig config() {
        return config;
    }

    /** A new session with the default schema. */
    public SqlSession openSession() {
        if (closed) {
            throw new PolaroidException(ErrorCode.CONNECTION_LOST, "the engine is closed");
        }
        return new EngineSession(services);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The allocator every query's memory account and the dataset cache are children of. */
    public BufferAllocator rootAllocator() {
        return rootAllocator;
    }

    /**
     * Closes the catalog (freeing the dataset cache) and the root allocator. Results still open at this
     * point are a caller bug: the root allocator then refuses to close, and this method fails loudly with
     * the allocator's account of what leaked.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        PlannerWarmUp.awaitEnd(warmUp);
        scanExecutor.shutdownNow();
        timer.shutdownNow();
        try {
            catalog.close();
        } finally {
            try {
                cacheAllocator.close();
            } finally {
                rootAllocator.close();
            }
        }
        awaitThreads();
    }

    private void awaitThreads() {
        try {
            scanExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
