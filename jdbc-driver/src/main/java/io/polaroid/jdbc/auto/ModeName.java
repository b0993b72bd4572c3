package io.polaroid.jdbc.auto;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mode the auto mode can open, with the deployment name {@code BACKEND_MODE} also accepts for it:
 * {@code standalone} (one process, the catalog in it), {@code distributed} (a shared server),
 * {@code portable} (files only, nothing kept).
 */
enum ModeName {
    EMBEDDED("embedded", "standalone", true),
    REMOTE("remote", "distributed", false),
    ARROW("arrow", "portable", true);

    /** The value of {@code mode}/{@code BACKEND_MODE} that asks for no particular mode. */
    static final String AUTO = "auto";

    private final String canonical;
    private final String alias;
    private final boolean local;

    ModeName(String canonical, String alias, boolean local) {
        this.canonical = canonical;
        this.alias = alias;
        this.local = local;
    }

    /** The name of the mode in URLs and in {@code getClientInfo("mode")}. */
    String canonical() {
        return canonical;
    }

    /** Whether the data is read in this JVM (embedded, arrow) rather than on a server. */
    boolean local() {
        return local;
    }

    /**
     * The mode {@code text} names (a canonical name or an alias, any case), or empty for {@value #AUTO}.
     *
     * @param source where the text comes from, for the message ({@code mode}, {@code BACKEND_MODE})
     * @throws SQLException 08001 naming the allowed values
     */
    static Optional<ModeName> parseOrAuto(String text, String source) throws SQLException {
        if (text.trim().equalsIgnoreCase(AUTO)) {
            return Optional.empty();
        }
        return Optional.of(parse(text, source, AUTO + ", "));
    }

    /** The mode {@code text} names; {@value #AUTO} is not one. */
    static ModeName parse(String text, String source) throws SQLException {
        return parse(text, source, "");
    }

    private static ModeName parse(String text, String source, String alsoAllowed) throws SQLException {
        String name = text.trim().toLowerCase(Locale.ROOT);
        for (ModeName mode : values()) {
            if (mode.canonical.equals(name) || mode.alias.equals(name)) {
                return mode;
            }
        }
        throw new SQLNonTransientConnectionException("unknown mode '" + text.trim() + "' in " + source
                + ": allowed values are " + alsoAllowed + allowedNames(), "08001");
    }

    /** {@code embedded, remote, arrow, standalone, distributed, portable}. */
    static String allowedNames() {
        List<String> names = new ArrayList<>();
        Arrays.stream(values()).forEach(mode -> names.add(mode.canonical));
        Arrays.stream(values()).forEach(mode -> names.add(mode.alias + " (" + mode.canonical + ")"));
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
