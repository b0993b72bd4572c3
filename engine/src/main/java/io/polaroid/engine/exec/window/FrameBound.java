package io.polaroid.engine.exec.window;

import java.util.Objects;

/**
 * One end of a window frame: {@code UNBOUNDED PRECEDING}, {@code n PRECEDING}, {@code CURRENT ROW},
 * {@code n FOLLOWING} or {@code UNBOUNDED FOLLOWING}.
 *
 * @param kind   which of the five
 * @param offset the row count of {@code n PRECEDING/FOLLOWING}; 0 otherwise
 */
public record FrameBound(Kind kind, long offset) {
    public enum Kind {
        UNBOUNDED_PRECEDING, PRECEDING, CURRENT_ROW, FOLLOWING, UNBOUNDED_FOLLOWING
    }

    public static final FrameBound UNBOUNDED_PRECEDING = new FrameBound(Kind.UNBOUNDED_PRECEDING, 0);
    public static final FrameBound CURRENT_ROW = new FrameBound(Kind.CURRENT_ROW, 0);
    public static final FrameBound UNBOUNDED_FOLLOWING = new FrameBound(Kind.UNBOUNDED_FOLLOWING, 0);

    public FrameBound {
        Objects.requireNonNull(kind, "kind");
        if (offset < 0) {
            throw new IllegalArgumentException("frame offset must not be negative: " + offset);
        }
        if (offset != 0 && kind != Kind.PRECEDING && kind != Kind.FOLLOWING) {
            throw new IllegalArgumentException(kind + " takes no offset");
        }
    }

    public static FrameBound preceding(long rows) {
        return new FrameBound(Kind.PRECEDING, rows);
    }

    public static FrameBound following(long rows) {
        return new FrameBound(Kind.FOLLOWING, rows);
    }

    boolean hasOffset() {
        return kind == Kind.PRECEDING || kind == Kind.FOLLOWING;
    }

    @Override
    public String toString() {
        return hasOffset() ? offset + " " + kind : kind.toString();
    }
}
