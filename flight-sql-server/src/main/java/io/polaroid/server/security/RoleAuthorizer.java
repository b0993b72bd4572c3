package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.hooks.Authorizer;
import io.polaroid.server.hooks.Operation;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Authorizer} of a server with authentication: looks up the caller's {@link Role} by the peer
 * identity the authenticator established and refuses with {@code 42501} what the role does not allow.
 * An identity it does not know (which the authenticator never produces) is refused too, never let through.
 */
public final class RoleAuthorizer implements Authorizer {
    private static final int MAX_TARGET_CHARS = 200;

    private final Map<String, Role> roles;

    /** {@code 22023} if two principals share a name (a user and a token, say) with different roles. */
    public RoleAuthorizer(Collection<Principal> principals) {
        Map<String, Role> byName = new HashMap<>();
        for (Principal principal : Objects.requireNonNull(principals, "principals")) {
            Role previous = byName.putIfAbsent(principal.name(), principal.role());
            if (previous != null && previous != principal.role()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "'" + principal.name()
                        + "' is both " + previous.fileName() + " and " + principal.role().fileName()
                        + " (a user and a token share the name?); give them different names");
            }
        }
        this.roles = Map.copyOf(byName);
    }

    @Override
    public void check(String identity, Operation operation, String target) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(operation, "operation");
        Role role = roles.get(identity);
        if (role == null) {
            throw new PolaroidException(ErrorCode.INSUFFICIENT_PRIVILEGE,
                    "'" + identity + "' is not a known user or token of this server");
        }
        if (!role.allows(operation)) {
            throw new PolaroidException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied: '" + identity
                    + "' has role " + role.fileName() + ", which may only query and browse metadata, not "
                    + describe(operation) + ": " + shorten(target));
        }
    }

    private static String describe(Operation operation) {
        return switch (operation) {
            case COMMAND -> "create, drop or refresh";
            case INGEST -> "ingest data";
            default -> operation.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String target) {
        String text = target == null ? "" : target.replaceAll("\\s+", " ").strip();
        return text.length() <= MAX_TARGET_CHARS ? text : text.substring(0, MAX_TARGET_CHARS) + "...";
    }
}
