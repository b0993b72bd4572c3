package io.polaroid.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.function.Executable;

/** System.err captured around an action, for tests of what the driver prints (or must not print). */
public final class StandardError {
    private StandardError() {
    }

    /**
     * What {@code action} (and any other thread meanwhile) wrote to System.err. System.err is restored after, and the
     * captured text is written to it too, so that it still shows in the test's output. Synchronized: two captures at
     * once would steal each other's text.
     */
    public static synchronized String during(Executable action) throws Throwable {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
