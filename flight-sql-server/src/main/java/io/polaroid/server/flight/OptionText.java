package io.polaroid.server.flight;

import java.util.Optional;
import org.apache.arrow.flight.SessionOptionValue;
import org.apache.arrow.flight.SessionOptionValueVisitor;

/** Reads a session option value that is a string; any other kind of value is no name. */
public final class OptionText implements SessionOptionValueVisitor<Optional<String>> {
    private static final OptionText INSTANCE = new OptionText();

    private OptionText() {
    }

    /** The string {@code value} holds, if it holds one. */
    public static Optional<String> of(SessionOptionValue value) {
        return value.acceptVisitor(INSTANCE);
    }

    @Override
    public Optional<String> visit(String value) {
        return Optional.ofNullable(value);
    }

    @Override
    public Optional<String> visit(boolean value) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(long value) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(double value) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(String[] value) {
        return Optional.empty();
    }

    @Override
    public Optional<String> visit(Void value) {
        return Optional.empty();
    }
}
