package io.polaroid.jdbc.auto;

import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * One mode the auto mode tried, or passed over, and why it did not open.
 *
 * @param what    what it would have opened ({@code server host:port}); empty when its input was missing
 * @param reason  the failure's message, or why the mode was not tried
 * @param failure the failure; empty when the mode was not tried
 * @param notable whether a connection opened in another mode warns about it: every failure, and a mode
 *                that could not be tried although the user meant it (chosen explicitly, or its input
 *                given but unusable)
 */
record Attempt(ModeName mode, Optional<String> what, String reason, Optional<SQLException> failure,
               boolean notable) {

    Attempt {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failure, "failure");
    }

    static Attempt failed(ModeName mode, String what, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : " [" + failure.getSQLState() + "]";
        return new Attempt(mode, Optional.of(what), failure.getMessage() + state, Optional.of(failure), true);
    }

    static Attempt skipped(ModeName mode, String reason, boolean notable) {
        return new Attempt(mode, Optional.empty(), reason, Optional.empty(), notable);
    }

    /** {@code remote (server h:p) failed: ...} or {@code embedded not tried: ...}. */
    String describe() {
        return mode + what.map(text -> " (" + text + ")").orElse("")
                + (failure.isPresent() ? " failed: " : " not tried: ") + reason;
    }
}
