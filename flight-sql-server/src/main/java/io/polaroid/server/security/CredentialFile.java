package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The line format shared by the users file and the token file: one entry per line as three fields
 * {@code name:role:secret}, blank lines and {@code #} comments ignored. Only the first two colons
 * separate, so a secret may itself contain colons. Errors name the file and line.
 */
final class CredentialFile {
    /** One parsed line. {@code where} is {@code file:line}, for messages. */
    record Entry(String name, Role role, String secret, String where) {
    }

    private CredentialFile() {
    }

    static List<Entry> read(Path file, String what) {
        Objects.requireNonNull(file, "file");
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "cannot read " + what + " '" + file + "': " + e, e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = what + " " + file + ":" + (i + 1);
            String[] fields = line.split(":", 3);
            if (fields.length != 3 || fields[0].isBlank() || fields[2].isBlank()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        where + ": expected name:role:secret");
            }
            entries.add(new Entry(fields[0].strip(), Role.parse(fields[1], where), fields[2].strip(), where));
        }
        return entries;
    }
}
