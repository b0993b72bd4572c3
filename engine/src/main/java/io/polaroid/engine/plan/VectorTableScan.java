package io.polaroid.engine.plan;

import io.polaroid.catalog.ColumnPredicate;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.catalog.ScanPlan;
import io.polaroid.catalog.ScanRequest;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.ParallelScanSource;
import io.polaroid.engine.exec.ops.SplitScanSource;
import io.polaroid.engine.schema.DatasetTable;
import io.polaroid.engine.types.ParameterValues;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.util.ImmutableIntList;

/**
 * Reads a dataset's columns as batches: plans the scan with the catalog (pruning files and row groups by
 * the predicates) and reads its splits, on several threads when the engine allows it.
 */
public final class VectorTableScan extends DatasetScan implements VectorRel {

    VectorTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DatasetTable dataset,
                    ImmutableIntList columns, List<ScanPredicate> predicates) {
        super(cluster, traits, table, dataset, columns, predicates);
    }

    static VectorTableScan of(DatasetScan scan) {
        return new VectorTableScan(scan.getCluster(), scan.getTraitSet().replace(CONVENTION), scan.getTable(),
                scan.dataset(), scan.columns(), scan.predicates());
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new VectorTableScan(getCluster(), traitSet, table, dataset, columns, predicates);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // Fewer columns read is cheaper: the planner then prefers narrow scans.
        double rows = mq.getRowCount(this);
        double columnFraction = (columns.size() + 1.0) / (table.getRowType().getFieldCount() + 1.0);
        return VectorCosts.vector(planner.getCostFactory().makeCost(rows, rows * columnFraction, rows * columnFraction));
    }

    /** The catalog request of one execution. */
    public ScanRequest request(ParameterValues parameters, int batchRows) {
        List<ColumnPredicate> resolved = new ArrayList<>(predicates.size());
        for (ScanPredicate predicate : predicates) {
            resolved.add(predicate.resolve(parameters));
        }
        return new ScanRequest(columnNames(), resolved, batchRows);
    }

    /** Plans this scan against the snapshot one execution reads (EXPLAIN uses it to show pruning). */
    public ScanPlan planScan(QueryRuntime runtime) {
        DatasetSnapshot snapshot = dataset.snapshotFor(runtime);
        return snapshot.planScan(request(runtime.parameters(), runtime.context().batchRows()));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        ScanPlan plan = planScan(runtime);
        if (runtime.parallelism() > 1 && plan.splits().size() > 1) {
            // the source closes the plan, also when it fails to start
            return new ParallelScanSource(runtime.context(), plan, runtime.scanExecutor(), runtime.parallelism());
        }
        return new SplitScanSource(runtime.context(), plan);
    }

    /**
     * Scans with operators on top: {@code stage.perThread()} on every scan thread and {@code stage.merge()}
     * over their output when the scan runs in parallel, {@code stage.sequential()} over the scan otherwise.
     */
    BatchSource execute(QueryRuntime runtime, Pipelines.ScanStage stage) {
        ScanPlan plan = planScan(runtime);
        BatchSource scan;
        java.util.function.UnaryOperator<BatchSource> top;
        if (runtime.parallelism() > 1 && plan.splits().size() > 1) {
            scan = new ParallelScanSource(runtime.context(), plan, runtime.scanExecutor(), runtime.parallelism(),
                    stage.perThread(), stage.schema());
            top = stage.merge();
        } else {
            scan = new SplitScanSource(runtime.context(), plan);
            top = stage.sequential();
        }
        try {
            return top.apply(scan);
        } catch (RuntimeException e) {
            scan.close();
            throw e;
        }
    }
}
