package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.exec.ops.ProjectOperator;
import io.polaroid.engine.expr.CompiledExpression;
import io.polaroid.engine.expr.Evaluator;
import io.polaroid.engine.expr.ExprCompiler;
import io.polaroid.engine.expr.ExprEnv;
import io.polaroid.engine.types.SqlTypes;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/** Computes columns over batches; input columns pass through without copying. */
public final class VectorProject extends Project implements BatchwiseVectorRel {
    private final int[] passThrough;
    private final CompiledExpression[] compiled;
    private final Schema schema;

    VectorProject(RelOptCluster cluster, RelTraitSet traits, RelNode input, List<? extends RexNode> projects,
                  RelDataType rowType) {
        super(cluster, traits, List.of(), input, projects, rowType, java.util.Set.of());
        this.passThrough = new int[projects.size()];
        this.compiled = new CompiledExpression[projects.size()];
        for (int i = 0; i < projects.size(); i++) {
            RexNode project = projects.get(i);
            if (project instanceof RexInputRef) {
                passThrough[i] = ((RexInputRef) project).getIndex();
            } else {
                passThrough[i] = -1;
                compiled[i] = ExprCompiler.compile(project);
            }
        }
        this.schema = SqlTypes.toArrowSchema(rowType, null);
    }

    /** Whether every expression can run here (input columns of any type pass through). */
    static boolean supports(List<? extends RexNode> projects) {
        for (RexNode project : projects) {
            if (!(project instanceof RexInputRef) && !ExprCompiler.supports(project)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Project copy(RelTraitSet traitSet, RelNode input, List<RexNode> projects, RelDataType rowType) {
        return new VectorProject(getCluster(), traitSet, input, projects, rowType);
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return VectorCosts.vector(super.computeSelfCost(planner, mq));
    }

    @Override
    public BatchSource apply(QueryRuntime runtime, BatchSource input) {
        ExprEnv env = VectorEnv.of(runtime);
        Evaluator[] evaluators = new Evaluator[compiled.length];
        for (int i = 0; i < compiled.length; i++) {
            evaluators[i] = compiled[i] == null ? null : compiled[i].bind(env);
        }
        return new ProjectOperator(runtime.context(), input, schema, passThrough, evaluators);
    }
}
