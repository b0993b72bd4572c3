package io.polaroid.engine.exec.join;

/** The join types {@link HashJoinOperator} runs. The left input probes, the right input is built. */
public enum JoinKind {
    /** Matching pairs only. */
    INNER,
    /** Matching pairs, plus each left row without a match, right columns NULL. */
    LEFT,
    /** Matching pairs, plus each right row without a match, left columns NULL. */
    RIGHT,
    /** Both outer sides. */
    FULL,
    /** Each left row that has at least one match, once; left columns only. */
    SEMI,
    /** Each left row that has no match (a NULL key never matches); left columns only. */
    ANTI;

    /** Whether left rows without a match are emitted (null-filled). */
    boolean emitsUnmatchedLeft() {
        return this == LEFT || this == FULL;
    }

    /**
     * Whether right rows without a match are emitted (null-filled), after the left input ends: such a
     * join needs its build side to itself, it cannot share it between probing threads.
     */
    public boolean emitsUnmatchedRight() {
        return this == RIGHT || this == FULL;
    }

    /** Whether the output carries right columns. */
    boolean outputsRight() {
        return this != SEMI && this != ANTI;
    }
}
