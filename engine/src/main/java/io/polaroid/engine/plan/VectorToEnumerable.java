package io.polaroid.engine.plan;

import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.BatchesToRows;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Feeds a vector subtree's batches, as rows, into Calcite's row engine (below a window, say, which only
 * the row engine runs). The generated code reaches this node through Calcite's "stash" and asks it for
 * the rows of the current execution ({@link #rows}).
 */
public final class VectorToEnumerable extends ConverterImpl implements EnumerableRel {

    VectorToEnumerable(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new VectorToEnumerable(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.conversion(this, planner, mq);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression self = implementor.stash(this, VectorToEnumerable.class);
        BlockBuilder block = new BlockBuilder();
        block.add(Expressions.return_(null, Expressions.call(self, "rows", DataContext.ROOT)));
        return implementor.result(physType, block.toBlock());
    }

    /** The rows of the vector input for the execution {@code root} belongs to. Called by generated code. */
    public Enumerable<Object[]> rows(DataContext root) {
        QueryRuntime runtime = QueryRuntime.from(root);
        VectorRel input = (VectorRel) getInput();
        return new BatchesToRows(runtime.context(), () -> input.execute(runtime), getRowType());
    }

    /** Converts any vector node into the Enumerable convention. */
    static final class Rule extends ConverterRule {
        static final Rule INSTANCE = Config.INSTANCE
                .withConversion(RelNode.class, r -> !(r instanceof EnumerableToVector),
                        VectorRel.CONVENTION, EnumerableConvention.INSTANCE, "VectorToEnumerableRule")
                .withRuleFactory(Rule::new)
                .toRule(Rule.class);

        private Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return new VectorToEnumerable(rel.getCluster(),
                    rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel);
        }
    }
}
