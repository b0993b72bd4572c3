package io.polaroid.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Lines from a pipe or file ({@code echo "select 1;" | polaroid shell}): no prompt, no history. */
public final class StreamInput implements LineInput {
    private final BufferedReader reader;

    public StreamInput(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, "in"),
                StandardCharsets.UTF_8));
    }

    @Override
    public String readLine(String prompt) throws IOException {
        return reader.readLine();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void remember(String statement) {
    }

    @Override
    public InterruptScope onInterrupt(Runnable onInterrupt) {
        return () -> { };
    }

    @Override
    public void close() {
        // standard input belongs to the process, not to the shell
    }
}
