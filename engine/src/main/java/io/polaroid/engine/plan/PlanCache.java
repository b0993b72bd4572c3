package io.polaroid.engine.plan;

import io.polaroid.catalog.Catalog;
import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.calcite.rel.RelNode;

/**
 * Recently planned queries by text and current schema, so a statement run again skips parsing,
 * validation and optimization. A cached plan is reused only while every dataset it reads still exists
 * with the columns it was planned against; plans over {@code read_parquet} are never cached (their files
 * are read afresh each time).
 */
public final class PlanCache {
    private final int capacity;
    private final Map<Key, PlannedStatement> plans;

    private record Key(String schema, String sql) {
    }

    public PlanCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PlannedStatement> eldest) {
                return size() > PlanCache.this.capacity;
            }
        };
    }

    /**
     * The cached plan of {@code sql} if there is one and it is still valid, else null: looked up before
     * parsing, so a statement run again is neither parsed nor planned.
     */
    public PlannedStatement getIfValid(String currentSchema, String sql, Catalog catalog) {
        Key key = new Key(currentSchema.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(sql, "sql"));
        PlannedStatement cached;
        synchronized (plans) {
            cached = plans.get(key);
        }
        return cached != null && changedDatasets(cached, catalog).isEmpty() ? cached : null;
    }

    /** The cached plan of {@code sql} if still valid, else a new one from {@code planner} (then cached). */
    public PlannedStatement get(String currentSchema, String sql, Catalog catalog, Supplier<PlannedStatement> planner) {
        Key key = new Key(currentSchema.toLowerCase(java.util.Locale.ROOT), Objects.requireNonNull(sql, "sql"));
        PlannedStatement cached;
        synchronized (plans) {
            cached = plans.get(key);
        }
        if (cached != null && changedDatasets(cached, catalog).isEmpty()) {
            return cached;
        }
        PlannedStatement planned = planner.get();
        if (capacity > 0 && isCacheable(planned)) {
            synchronized (plans) {
                plans.put(key, planned);
            }
        }
        return planned;
    }

    public int size() {
        synchronized (plans) {
            return plans.size();
        }
    }

    private static boolean isCacheable(PlannedStatement plan) {
        return scans(plan.root()).stream().allMatch(scan -> !scan.dataset().isAdHoc());
    }

    /**
     * The registered datasets {@code plan} reads whose columns changed (by a refresh) or that were dropped
     * since it was planned; empty while the plan is still valid. A refresh that only adds, changes or
     * removes files keeps a plan valid: every execution scans the snapshot current when it starts.
     */
    public static List<DatasetName> changedDatasets(PlannedStatement plan, Catalog catalog) {
        List<DatasetName> changed = new ArrayList<>();
        for (DatasetScan scan : scans(plan.root())) {
            if (scan.dataset().isAdHoc()) {
                continue;
            }
            DatasetSnapshot planned = scan.dataset().plannedSnapshot();
            DatasetSnapshot current = catalog.snapshot(planned.name()).orElse(null);
            if ((current == null || !current.schema().equals(planned.schema())) && !changed.contains(planned.name())) {
                changed.add(planned.name());
            }
        }
        return changed;
    }

    /** The dataset scans of a plan, wherever they sit. */
    public static List<VectorTableScan> scans(RelNode root) {
        List<VectorTableScan> scans = new ArrayList<>();
        collect(root, scans);
        return scans;
    }

    private static void collect(RelNode rel, List<VectorTableScan> scans) {
        if (rel instanceof VectorTableScan) {
            scans.add((VectorTableScan) rel);
        }
        for (RelNode input : rel.getInputs()) {
            collect(input, scans);
        }
    }
}
