package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Operation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What an authenticated principal may do. */
public enum Role {
    /** Everything: queries, metadata, DDL, refresh, ingest. */
    ADMIN(Set.of(Operation.values())),
    /** Queries and metadata browsing; nothing that changes the catalog or writes data. */
    READ_ONLY(Set.of(Operation.QUERY, Operation.METADATA));

    private final Set<Operation> allowed;

    Role(Set<Operation> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Operation operation) {
        return allowed.contains(Objects.requireNonNull(operation, "operation"));
    }

    /** The name used in users and token files: {@code admin}, {@code read_only}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a role as written in a users or token file; {@code 22023} naming {@code where} otherwise. */
    public static Role parse(String text, String where) {
        Objects.requireNonNull(text, "text");
        for (Role role : values()) {
            if (role.fileName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, where + ": unknown role '" + text
                + "'; expected one of " + Arrays.stream(values()).map(Role::fileName).collect(Collectors.joining(", ")));
    }
}
