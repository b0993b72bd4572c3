package io.polaroid.server.hooks;

/**
 * Decides whether a caller may perform an operation. Called by the Flight SQL producer before it does
 * the work; a refusal is a {@link io.polaroid.error.PolaroidException} with
 * {@link io.polaroid.error.ErrorCode#INSUFFICIENT_PRIVILEGE} (42501), which clients see as
 * {@code PERMISSION_DENIED}.
 */
@FunctionalInterface
public interface Authorizer {
    /** Allows everything: the server without authentication. */
    Authorizer ALLOW_ALL = (identity, operation, target) -> { };

    /**
     * @param identity  the authenticated peer identity ({@code CallContext.peerIdentity()}), empty when the
     *                  server authenticates no one
     * @param operation what the call does
     * @param target    the SQL text, or the dataset being ingested into, for the refusal message and logs
     * @throws io.polaroid.error.PolaroidException 42501 when the caller may not
     */
    void check(String identity, Operation operation, String target);
}
