package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.window.WindowGroup;
import io.polaroid.engine.exec.window.WindowOperator;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/**
 * Window functions ({@code f(...) OVER (PARTITION BY ... ORDER BY ... frame)}) over batches, by the window
 * operator. Input columns pass through as they are (timestamps keep their microseconds), the function
 * results follow. What the operator cannot run is left to Calcite's EnumerableWindow ({@link #supports}).
 */
public final class VectorWindow extends Window implements VectorRel {
    private final List<WindowGroup> windowGroups;

    VectorWindow(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<RexLiteral> constants,
                 RelDataType rowType, List<Group> groups) {
        super(cluster, traits, input, constants, rowType, groups);
        this.windowGroups = VectorWindowGroups.of(this);
        if (windowGroups == null) {
            throw new IllegalArgumentException("the window operator cannot run " + groups);
        }
    }

    /** Whether the window operator runs every group and function of {@code window}. */
    static boolean supports(Window window) {
        return VectorWindowGroups.of(window) != null;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new VectorWindow(getCluster(), traitSet, sole(inputs), constants, getRowType(), groups);
    }

    @Override
    public Window copy(List<RexLiteral> constants) {
        return new VectorWindow(getCluster(), getTraitSet(), getInput(), constants, getRowType(), groups);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        BatchSource input = ((VectorRel) getInput()).execute(runtime);
        try {
            return new WindowOperator(runtime.context(), input, windowGroups);
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }
}
