package io.polaroid.engine.exec.join;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.KeyTable;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.VectorGather;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Equi-join of two inputs by hashing: the right input is read completely into a {@link JoinTable} (the
 * build side: its rows, a {@link KeyTable} from each distinct key to the chain of build rows holding it);
 * then each left batch is looked up in one vectorized pass and the matching pairs are gathered into
 * output batches of at most {@code batchRows} rows, so a key with many matches spreads over several
 * batches.
 *
 * <p>Output columns are the left input's followed by the right input's (SEMI and ANTI: the left input's
 * only), with the types of the inputs. A NULL key never matches. The optional residual {@link JoinFilter}
 * decides which key-matching pairs really match; outer and anti joins consider a row unmatched when no
 * pair of it passes. Without key columns every pair is a candidate (a cross join, usually with a residual).
 *
 * <p>Probing can be spread over threads: operators created with a {@linkplain #probing shared build side}
 * each probe their own left input against one table that is built once (INNER, LEFT, SEMI and ANTI joins,
 * which emit nothing after the probe side ends).
 *
 * <p>The operator owns its inputs and the residual filter, and closes them when it is closed; a shared
 * build side is closed by whoever shares it.
 */
public final class HashJoinOperator implements BatchSource {
    private static final String NAME = "hash join";
    /** Chain end / a probe row with no chain. */
    private static final int NONE = JoinTable.NONE;

    private final ExecutionContext context;
    private final BatchSource left;
    /** The right input when this operator builds its own table; null when probing a shared one. */
    private final BatchSource right;
    private final Supplier<JoinTable> sharedBuild;
    private final Schema rightSchema;
    private final JoinKind kind;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final Schema outputSchema;
    private final JoinFilter residual;
    private final int batchRows;
    private final MemoryReservation memory;

    private JoinTable build;
    private KeyTable.Lookup lookup;
    /** Build rows that matched at least once (RIGHT and FULL joins). */
    private long[] buildMatched;

    private OutputBatch output;
    private OutputBatch candidates;
    private final int[] pairLeft;
    private final int[] pairRight;
    private final int[] selected;

    private Phase phase = Phase.BUILD;
    /** Selects the left rows that take part (null: all). */
    private JoinFilter leftFilter;
    private int[] leftSelected = new int[0];
    private Batch probe;
    private int[] probeIds = new int[0];
    private boolean[] probeMatched = new boolean[0];
    /** Left rows the left filter kept (all without a filter): the others are neither matched nor unmatched. */
    private boolean[] probeActive = new boolean[0];
    /** The probe row being matched, and its chain position ({@link #NONE}: not started). */
    private int probeRow;
    private int chainRow;
    private boolean chainStarted;
    /** Cursor of the unmatched-rows phases. */
    private int tailRow;
    private boolean closed;

    private enum Phase { BUILD, PROBE, PROBE_TAIL, BUILD_TAIL, DONE }

    public HashJoinOperator(ExecutionContext ctx, BatchSource left, BatchSource right, JoinKind kind,
                            int[] leftKeys, int[] rightKeys, Schema outputSchema, JoinFilter residual) {
        this(ctx, left, Objects.requireNonNull(right, "right"), null, right.schema(), kind, leftKeys, rightKeys,
                outputSchema, residual);
    }

    /**
     * A join that probes {@code left} against a build side shared with other operators (probing threads),
     * which {@code sharedBuild} builds on first use, once. Only for joins that emit nothing after the probe
     * side ends (INNER, LEFT, SEMI, ANTI).
     *
     * @param rightSchema the schema of the build side's rows
     */
    public static HashJoinOperator probing(ExecutionContext ctx, BatchSource left, Supplier<JoinTable> sharedBuild,
                                           Schema rightSchema, JoinKind kind, int[] leftKeys, int[] rightKeys,
                                           Schema outputSchema, JoinFilter residual) {
        return probing(ctx, left, null, sharedBuild, rightSchema, kind, leftKeys, rightKeys, outputSchema, residual);
    }

    /**
     * As {@link #probing(ExecutionContext, BatchSource, Supplier, Schema, JoinKind, int[], int[], Schema,
     * JoinFilter)}, keeping only the left rows {@code leftFilter} selects (a WHERE on the left input):
     * the join probes with the left batches as they come and ignores the other rows, instead of a filter
     * copying the selected rows of every column into new vectors first.
     */
    public static HashJoinOperator probing(ExecutionContext ctx, BatchSource left, JoinFilter leftFilter,
                                           Supplier<JoinTable> sharedBuild, Schema rightSchema, JoinKind kind,
                                           int[] leftKeys, int[] rightKeys, Schema outputSchema, JoinFilter residual) {
        if (kind.emitsUnmatchedRight()) {
            throw new IllegalArgumentException(kind + " joins need the build side to themselves");
        }
        HashJoinOperator join = new HashJoinOperator(ctx, left, null, Objects.requireNonNull(sharedBuild, "sharedBuild"),
                rightSchema, kind, leftKeys, rightKeys, outputSchema, residual);
        join.leftFilter = leftFilter;
        return join;
    }

    private HashJoinOperator(ExecutionContext ctx, BatchSource left, BatchSource right,
                             Supplier<JoinTable> sharedBuild, Schema rightSchema, JoinKind kind, int[] leftKeys,
                             int[] rightKeys, Schema outputSchema, JoinFilter residual) {
        this.context = Objects.requireNonNull(ctx, "ctx");
        this.left = Objects.requireNonNull(left, "left");
        this.right = right;
        this.sharedBuild = sharedBuild;
        this.rightSchema = Objects.requireNonNull(rightSchema, "rightSchema");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.leftKeys = Objects.requireNonNull(leftKeys, "leftKeys").clone();
        this.rightKeys = Objects.requireNonNull(rightKeys, "rightKeys").clone();
        this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
        this.residual = residual;
        checkKeys(left.schema(), rightSchema);
        checkOutputSchema(left.schema(), rightSchema);
        this.batchRows = ctx.batchRows();
        this.memory = new MemoryReservation(ctx.allocator(), NAME);
        this.pairLeft = new int[batchRows];
        this.pairRight = new int[batchRows];
        this.selected = new int[batchRows];
    }

    /** Whether columns of these types can be join keys (every comparable type; see {@link ColumnKind}). */
    public static boolean supportsKeyTypes(ArrowType leftType, ArrowType rightType) {
        return ColumnKind.keysCompatible(leftType, rightType);
    }

    @Override
    public Schema schema() {
        return outputSchema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException(NAME + " is closed");
        }
        try {
            return advance();
        } catch (OutOfMemoryException e) {
            throw MemoryReservation.limitExceeded(NAME, context.allocator(), 0, e);
        }
    }

    private Batch advance() {
        while (true) {
            context.checkCancelled();
            switch (phase) {
                case BUILD -> {
                    buildSide();
                    boolean leftRowsNeeded = kind.emitsUnmatchedLeft() || kind == JoinKind.ANTI;
                    phase = build.rowCount() > 0 || leftRowsNeeded ? Phase.PROBE
                            : kind.emitsUnmatchedRight() ? Phase.BUILD_TAIL : Phase.DONE;
                }
                case PROBE -> {
                    if (probe == null && !startProbeBatch()) {
                        phase = kind.emitsUnmatchedRight() ? Phase.BUILD_TAIL : Phase.DONE;
                        tailRow = 0;
                        continue;
                    }
                    Batch batch = matchPairs();
                    if (batch != null) {
                        return batch;
                    }
                    if (kind.emitsUnmatchedLeft() || kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
                        phase = Phase.PROBE_TAIL;
                        tailRow = 0;
                    } else {
                        probe = null;
                    }
                }
                case PROBE_TAIL -> {
                    Batch batch = probeTail();
                    if (batch != null) {
                        return batch;
                    }
                    probe = null;
                    phase = Phase.PROBE;
                }
                case BUILD_TAIL -> {
                    Batch batch = buildTail();
                    if (batch != null) {
                        return batch;
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                    return null;
                }
                default -> throw new IllegalStateException(phase.toString());
            }
        }
    }

    // ---- build side -------------------------------------------------------------------------------

    private void buildSide() {
        build = right != null ? JoinTable.build(context, right, rightKeys) : sharedBuild.get();
        lookup = rightKeys.length == 0 ? null : build.newLookup();
        if (kind.emitsUnmatchedRight()) {
            memory.reserve(8L * ((build.rowCount() + 63) >>> 6));
            buildMatched = new long[(build.rowCount() + 63) >>> 6];
        }
    }

    // ---- probe side -------------------------------------------------------------------------------

    /** Reads the next non-empty left batch and looks up its keys; false at the end of the left input. */
    private boolean startProbeBatch() {
        Batch batch;
        int kept;
        do {
            batch = left.next();
            if (batch == null) {
                return false;
            }
            kept = batch.rowCount() == 0 ? 0 : select(batch);
        } while (kept == 0);
        int rows = batch.rowCount();
        if (probeIds.length < rows) {
            memory.resize(10L * probeIds.length, 10L * rows);
            probeIds = new int[rows];
            probeMatched = new boolean[rows];
            probeActive = new boolean[rows];
        }
        if (leftFilter == null) {
            Arrays.fill(probeActive, 0, rows, true);
        } else {
            Arrays.fill(probeActive, 0, rows, false);
            for (int i = 0; i < kept; i++) {
                probeActive[leftSelected[i]] = true;
            }
        }
        if (leftKeys.length == 0) {
            Arrays.fill(probeIds, 0, rows, build.keyCount() > 0 ? 0 : NONE);
        } else if (build.keyCount() == 0) {
            Arrays.fill(probeIds, 0, rows, NONE);
        } else {
            List<FieldVector> keys = new ArrayList<>(leftKeys.length);
            for (int key : leftKeys) {
                keys.add(batch.column(key));
            }
            if (leftFilter == null) {
                lookup.lookup(keys, rows, probeIds);
            } else {
                lookup.lookup(keys, rows, probeIds, probeActive);
            }
        }
        Arrays.fill(probeMatched, 0, rows, false);
        if (leftFilter != null) {
            for (int row = 0; row < rows; row++) {
                if (!probeActive[row]) {
                    probeIds[row] = NONE;
                }
            }
        }
        probe = batch;
        probeRow = 0;
        chainStarted = false;
        return true;
    }

    /** The number of rows of {@code batch} the left filter keeps (into {@code leftSelected}); all without one. */
    private int select(Batch batch) {
        if (leftFilter == null) {
            return batch.rowCount();
        }
        if (leftSelected.length < batch.rowCount()) {
            leftSelected = new int[batch.rowCount()];
        }
        int kept = leftFilter.select(batch, leftSelected);
        if (kept < 0 || kept > batch.rowCount()) {
            throw new IllegalStateException("left filter selected " + kept + " of " + batch.rowCount() + " rows");
        }
        return kept;
    }

    /**
     * Produces the next batch of matching pairs of the current probe batch, or null when its pairs are
     * exhausted (SEMI and ANTI only record which probe rows matched).
     */
    private Batch matchPairs() {
        if ((kind == JoinKind.SEMI || kind == JoinKind.ANTI) && residual == null) {
            for (int row = 0; row < probe.rowCount(); row++) {
                probeMatched[row] = probeIds[row] >= 0;
            }
            probeRow = probe.rowCount();
            return null;
        }
        while (probeRow < probe.rowCount()) {
            context.checkCancelled();
            int pairs = nextCandidates();
            if (residual != null) {
                pairs = applyResidual(pairs);
            }
            for (int i = 0; i < pairs; i++) {
                probeMatched[pairLeft[i]] = true;
            }
            if (buildMatched != null) {
                for (int i = 0; i < pairs; i++) {
                    buildMatched[pairRight[i] >>> 6] |= 1L << pairRight[i];
                }
            }
            if (pairs > 0 && kind.outputsRight()) {
                return emit(pairs);
            }
        }
        return null;
    }

    /** Fills pairLeft/pairRight with up to batchRows key-matching pairs, walking the chains. */
    private int nextCandidates() {
        boolean oncePerProbeRow = kind == JoinKind.SEMI || kind == JoinKind.ANTI;
        int pairs = 0;
        int rows = probe.rowCount();
        while (probeRow < rows && pairs < batchRows) {
            if (!chainStarted) {
                int id = probeIds[probeRow];
                chainRow = id >= 0 ? build.head(id) : NONE;
                chainStarted = true;
            }
            if (oncePerProbeRow && probeMatched[probeRow]) {
                chainRow = NONE; // a semi/anti row needs one passing pair, not all of them
            }
            while (chainRow != NONE && pairs < batchRows) {
                pairLeft[pairs] = probeRow;
                pairRight[pairs] = chainRow;
                pairs++;
                chainRow = build.next(chainRow);
            }
            if (chainRow == NONE) {
                probeRow++;
                chainStarted = false;
            }
        }
        return pairs;
    }

    /** Evaluates the residual over the candidate pairs and keeps those it selects; returns how many. */
    private int applyResidual(int pairs) {
        if (pairs == 0) {
            return 0;
        }
        if (candidates == null) {
            List<Field> fields = new ArrayList<>(left.schema().getFields());
            fields.addAll(rightSchema.getFields());
            candidates = new OutputBatch(fields, context.allocator());
        }
        candidates.reset();
        int leftColumns = probe.columnCount();
        for (int c = 0; c < leftColumns; c++) {
            VectorGather.gather(probe.column(c), pairLeft, 0, pairs,
                    candidates.vector(c), 0);
        }
        for (int c = 0; c < build.columnCount(); c++) {
            build.gather(c, pairRight, 0, pairs, candidates.vector(leftColumns + c), 0);
        }
        int kept = residual.select(candidates.finish(pairs), selected);
        if (kept < 0 || kept > pairs) {
            throw new IllegalStateException("join filter selected " + kept + " of " + pairs + " rows");
        }
        for (int i = 0; i < kept; i++) {
            int row = selected[i];
            pairLeft[i] = pairLeft[row];
            pairRight[i] = pairRight[row];
        }
        return kept;
    }

    /** Emits the current probe batch's rows that matched (SEMI) or did not (LEFT, FULL, ANTI). */
    private Batch probeTail() {
        boolean wantMatched = kind == JoinKind.SEMI;
        int pairs = 0;
        int rows = probe.rowCount();
        while (tailRow < rows && pairs < batchRows) {
            if (probeActive[tailRow] && probeMatched[tailRow] == wantMatched) {
                pairLeft[pairs] = tailRow;
                pairRight[pairs] = NONE;
                pairs++;
            }
            tailRow++;
        }
        return pairs == 0 ? null : emit(pairs);
    }

    /** Emits build rows that never matched, left columns NULL (RIGHT, FULL). */
    private Batch buildTail() {
        int pairs = 0;
        int rows = build.rowCount();
        while (tailRow < rows && pairs < batchRows) {
            if ((buildMatched[tailRow >>> 6] & (1L << tailRow)) == 0) {
                pairLeft[pairs] = NONE;
                pairRight[pairs] = tailRow;
                pairs++;
            }
            tailRow++;
        }
        return pairs == 0 ? null : emit(pairs);
    }

    /** Gathers the pairs into the output vectors: left columns from the probe batch, right from the build. */
    private Batch emit(int pairs) {
        if (output == null) {
            output = new OutputBatch(outputSchema.getFields(), context.allocator());
        }
        output.reset();
        int leftColumns = left.schema().getFields().size();
        FieldVector[] probeColumns = new FieldVector[leftColumns];
        for (int c = 0; c < leftColumns; c++) {
            probeColumns[c] = probe == null ? null : probe.column(c);
        }
        for (int c = 0; c < leftColumns; c++) {
            FieldVector[] sources = probeColumns[c] == null ? new FieldVector[0] : new FieldVector[] {probeColumns[c]};
            VectorGather.gather(sources,
                    VectorGather.SINGLE_SOURCE, pairLeft, 0, pairs, output.vector(c), 0);
        }
        if (kind.outputsRight()) {
            for (int c = 0; c < build.columnCount(); c++) {
                build.gather(c, pairRight, 0, pairs, output.vector(leftColumns + c), 0);
            }
        }
        return output.finish(pairs);
    }

    // ---- validation and cleanup -------------------------------------------------------------------

    private void checkKeys(Schema leftSchema, Schema rightSchema) {
        if (leftKeys.length != rightKeys.length) {
            throw new IllegalArgumentException("join has " + leftKeys.length + " left keys but "
                    + rightKeys.length + " right keys");
        }
        for (int i = 0; i < leftKeys.length; i++) {
            ArrowType leftType = columnType(leftSchema, leftKeys[i], "left key");
            ArrowType rightType = columnType(rightSchema, rightKeys[i], "right key");
            if (!supportsKeyTypes(leftType, rightType)) {
                throw new IllegalArgumentException("cannot join key " + leftType + " with " + rightType);
            }
        }
    }

    private void checkOutputSchema(Schema leftSchema, Schema rightSchema) {
        List<Field> expected = new ArrayList<>(leftSchema.getFields());
        if (kind.outputsRight()) {
            expected.addAll(rightSchema.getFields());
        }
        List<Field> actual = outputSchema.getFields();
        if (actual.size() != expected.size()) {
            throw new IllegalArgumentException(kind + " join output needs " + expected.size() + " columns, schema has "
                    + actual.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).getType().equals(expected.get(i).getType())) {
                throw new IllegalArgumentException("join output column " + i + " (" + actual.get(i)
                        + ") does not have its input's type " + expected.get(i).getType());
            }
        }
    }

    private static ArrowType columnType(Schema schema, int column, String what) {
        if (column < 0 || column >= schema.getFields().size()) {
            throw new IllegalArgumentException(what + " column " + column + " out of range of " + schema);
        }
        return schema.getFields().get(column).getType();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        probe = null;
        buildMatched = null;
        // a shared build side belongs to whoever shares it; one built here (or never built) is ours
        AutoCloseable ownBuild = right != null ? build : null;
        Closeables.closeAll(output, candidates, lookup, ownBuild, memory, residual, leftFilter, left,
                build == null ? right : null);
    }
}
