package io.polaroid.engine.plan;

import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.RelNode;

/**
 * The cost model's view of vector execution: a vector operator costs a fraction of its row-at-a-time
 * equivalent (it works a column at a time with tight loops), and converting between rows and batches
 * costs a little per row, so the planner runs as much as it can in batches but does not convert back
 * and forth without reason.
 */
final class VectorCosts {
    /** Vector operators cost this fraction of Calcite's estimate for the same operator. */
    static final double VECTOR_FACTOR = 0.1;
    /** Converting a row between conventions, relative to processing one row. */
    static final double CONVERSION_FACTOR = 0.5;

    private VectorCosts() {
    }

    static RelOptCost vector(RelOptCost rowCost) {
        return rowCost.multiplyBy(VECTOR_FACTOR);
    }

    static RelOptCost conversion(RelNode converter, RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = mq.getRowCount(converter.getInput(0));
        return planner.getCostFactory().makeCost(rows * CONVERSION_FACTOR, rows * CONVERSION_FACTOR, 0);
    }
}
