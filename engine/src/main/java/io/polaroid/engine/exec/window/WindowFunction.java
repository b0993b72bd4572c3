package io.polaroid.engine.exec.window;

/** The window functions the window operator computes. */
public enum WindowFunction {
    /** Position in the partition, from 1. */
    ROW_NUMBER(false, false),
    /** 1 + the rows before the current row's peers. */
    RANK(false, false),
    /** 1 + the distinct peer groups before the current row's. */
    DENSE_RANK(false, false),
    /** (RANK - 1) / (partition rows - 1) as a double; 0 for a partition of one row. */
    PERCENT_RANK(false, false),
    /** Rows up to and including the current row's last peer / partition rows, as a double. */
    CUME_DIST(false, false),
    /** Rows in the frame. */
    COUNT_STAR(false, true),
    /** Non-NULL values in the frame. */
    COUNT(true, true),
    /** Sum of the non-NULL values in the frame; NULL when there are none. */
    SUM(true, true),
    /** Sum of the non-NULL values in the frame; 0 when there are none. */
    SUM0(true, true),
    /** Average of the non-NULL values in the frame, as a double; NULL when there are none. */
    AVG(true, true),
    /** Least non-NULL value in the frame. */
    MIN(true, true),
    /** Greatest non-NULL value in the frame. */
    MAX(true, true),
    /** The value (NULL or not) of the frame's first row; NULL for an empty frame. */
    FIRST_VALUE(true, true),
    /** The value of the frame's last row; NULL for an empty frame. */
    LAST_VALUE(true, true),
    /** The value {@code offset} rows before, in the partition; else the default. */
    LAG(true, false),
    /** The value {@code offset} rows after, in the partition; else the default. */
    LEAD(true, false);

    private final boolean hasArgument;
    private final boolean usesFrame;

    WindowFunction(boolean hasArgument, boolean usesFrame) {
        this.hasArgument = hasArgument;
        this.usesFrame = usesFrame;
    }

    public boolean hasArgument() {
        return hasArgument;
    }

    /** Whether the result depends on the frame (ranking and offset functions ignore it). */
    public boolean usesFrame() {
        return usesFrame;
    }
}
