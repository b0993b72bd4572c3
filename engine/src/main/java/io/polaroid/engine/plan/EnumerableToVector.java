package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.RowsToBatches;
import io.polaroid.engine.types.SqlTypes;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterImpl;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.runtime.Bindable;

/**
 * Runs a subtree in Calcite's row engine (the Enumerable convention) and turns its rows into batches.
 * This is the fallback that keeps every valid query runnable: whatever the vector rules cannot take stays
 * Enumerable below one of these.
 *
 * <p>The subtree is compiled (Calcite generates Java and compiles it with Janino) once per plan, on the
 * first execution, and reused by later executions of a cached plan.
 */
public final class EnumerableToVector extends ConverterImpl implements VectorRel {
    private volatile Compiled compiled;

    private record Compiled(Bindable<?> bindable, Map<String, Object> stashed) {
    }

    EnumerableToVector(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
        super(cluster, ConventionTraitDef.INSTANCE, traits, input);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new EnumerableToVector(getCluster(), traitSet, sole(inputs));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.conversion(this, planner, mq);
    }

    @Override
    public BatchSource execute(QueryRuntime runtime) {
        Compiled code = compile();
        DataContext dataContext = runtime.dataContext(code.stashed());
        Enumerable<?> rows = code.bindable().bind(dataContext);
        Schema schema = SqlTypes.toArrowSchema(getRowType(), null);
        return new RowsToBatches(runtime.context(), rows.enumerator(), schema, getRowType());
    }

    /** Compiles the subtree now (plans are compiled eagerly when prepared, see {@link QueryPlanner}). */
    void precompile() {
        compile();
    }

    private Compiled compile() {
        Compiled code = compiled;
        if (code == null) {
            synchronized (this) {
                code = compiled;
                if (code == null) {
                    Map<String, Object> stashed = new HashMap<>();
                    try {
                        Bindable<?> bindable = EnumerableInterpretable.toBindable(stashed, null,
                                (EnumerableRel) getInput(), EnumerableRel.Prefer.ARRAY);
                        code = new Compiled(bindable, Map.copyOf(stashed));
                    } catch (PolaroidException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                                "this query cannot be run: " + Unsupported.describe(e), e);
                    }
                    compiled = code;
                }
            }
        }
        return code;
    }

    /** Converts any Enumerable node into the vector convention. */
    static final class Rule extends ConverterRule {
        static final Rule INSTANCE = Config.INSTANCE
                .withConversion(RelNode.class, r -> !(r instanceof VectorToEnumerable),
                        EnumerableConvention.INSTANCE, VectorRel.CONVENTION, "EnumerableToVectorRule")
                .withRuleFactory(Rule::new)
                .toRule(Rule.class);

        private Rule(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return new EnumerableToVector(rel.getCluster(), rel.getTraitSet().replace(VectorRel.CONVENTION), rel);
        }
    }
}
