package io.polaroid.engine.plan;

import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.types.SqlTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.RelNode;

/**
 * Runs chains of {@link BatchwiseVectorRel batchwise} operators over a scan on every scan thread. With
 * two cores, filtering and computing columns is then spread over both instead of running on the thread
 * that consumes the scan, and so is a partial aggregation put at the end of the chain
 * ({@link VectorAggregate}).
 */
final class Pipelines {
    private Pipelines() {
    }

    /**
     * What runs where over a scan: {@code perThread} builds one scan thread's operators over its batches,
     * {@code merge} the operator that combines the threads' output on the consuming thread (identity when
     * the batches can simply be interleaved), and {@code sequential} the operators when the scan runs on one
     * thread only (too few splits, or parallelism 1).
     *
     * @param schema the schema of what {@code perThread} produces
     */
    record ScanStage(UnaryOperator<BatchSource> perThread, Schema schema, UnaryOperator<BatchSource> merge,
                     UnaryOperator<BatchSource> sequential) {
    }

    /**
     * The batchwise nodes from the one above the first non-batchwise input up to {@code top} (which must
     * be batchwise), bottom first; through a join, the chain follows the left (probing) input.
     */
    static List<BatchwiseVectorRel> chain(BatchwiseVectorRel top) {
        List<BatchwiseVectorRel> chain = new ArrayList<>();
        RelNode node = top;
        while (node instanceof BatchwiseVectorRel && ((BatchwiseVectorRel) node).batchwise()) {
            chain.add(0, (BatchwiseVectorRel) node);
            node = node.getInput(0);
        }
        return chain;
    }

    /** The node below a chain: the input of its bottom node. */
    static VectorRel below(List<BatchwiseVectorRel> chain) {
        return (VectorRel) chain.get(0).getInput(0);
    }

    /**
     * The chain's operators over {@code input}, bottom first; closes {@code input} if building them fails.
     * A filter right below a join is fused into the join's probe (no copy of the filtered rows).
     */
    static BatchSource apply(List<BatchwiseVectorRel> chain, QueryRuntime runtime, BatchSource input) {
        BatchSource source = input;
        try {
            for (int i = 0; i < chain.size(); i++) {
                BatchwiseVectorRel node = chain.get(i);
                if (node instanceof VectorFilter && i + 1 < chain.size() && chain.get(i + 1) instanceof VectorJoin) {
                    source = ((VectorJoin) chain.get(i + 1)).applyFiltered(runtime, source,
                            ((VectorFilter) node).compiled());
                    i++;
                } else {
                    source = node.apply(runtime, source);
                }
            }
            return source;
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Executes the chain ending at {@code top}: on every scan thread if the chain starts at a scan. */
    static BatchSource execute(BatchwiseVectorRel top, QueryRuntime runtime) {
        List<BatchwiseVectorRel> chain = chain(top);
        VectorRel below = below(chain);
        UnaryOperator<BatchSource> operators = input -> apply(chain, runtime, input);
        if (below instanceof VectorTableScan) {
            Schema schema = SqlTypes.toArrowSchema(top.getRowType(), null);
            return ((VectorTableScan) below).execute(runtime,
                    new ScanStage(operators, schema, UnaryOperator.identity(), operators));
        }
        return operators.apply(below.execute(runtime));
    }
}
