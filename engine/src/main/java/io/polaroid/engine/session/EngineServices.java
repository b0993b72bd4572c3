package io.polaroid.engine.session;

import io.polaroid.catalog.Catalog;
import io.polaroid.engine.plan.PlanCache;
import io.polaroid.engine.plan.QueryPlanner;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every session of one engine shares: the catalog, the planner and its plan cache, the root
 * allocator queries take their memory accounts from, and the threads for scans and timeouts.
 *
 * @param defaultQueryMemoryLimit a query's memory limit when its options set none
 * @param batchRows               rows per batch
 * @param parallelism             threads per scan
 */
public record EngineServices(Catalog catalog, QueryPlanner planner, PlanCache planCache, BufferAllocator rootAllocator,
                             long defaultQueryMemoryLimit, int batchRows, int parallelism,
                             ExecutorService scanExecutor, ScheduledExecutorService timer) {
    public EngineServices {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(planCache, "planCache");
        Objects.requireNonNull(rootAllocator, "rootAllocator");
        Objects.requireNonNull(scanExecutor, "scanExecutor");
        Objects.requireNonNull(timer, "timer");
    }
}
