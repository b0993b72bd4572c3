package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Static API tokens a client presents as {@code Authorization: Bearer <token>}: from a token file
 * ({@code --token-file}, lines {@code name:role:token}) and/or an environment variable ({@code --token-env
 * NAME}, an admin token whose principal is named after the variable).
 *
 * <p>Only SHA-256 digests are kept. A lookup digests the presented token and compares it with every entry
 * using {@link MessageDigest#isEqual} without stopping early, so its timing depends neither on which token
 * matched nor on how many leading characters were right.
 */
public final class ApiTokens {
    /** Shorter tokens can be guessed; generate one with e.g. {@code openssl rand -hex 32}. */
    public static final int MIN_TOKEN_LENGTH = 16;

    private record Token(Principal principal, byte[] digest) {
    }

    private final List<Token> tokens;

    private ApiTokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** The principal {@code presented} belongs to, or empty. */
    public Optional<Principal> authenticate(String presented) {
        Objects.requireNonNull(presented, "presented");
        byte[] digest = sha256(presented);
        Principal found = null;
        for (Token token : tokens) {
            if (MessageDigest.isEqual(digest, token.digest()) && found == null) {
                found = token.principal();
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Principal> principals() {
        return tokens.stream().map(Token::principal).toList();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public static final class Builder {
        private final List<Token> tokens = new ArrayList<>();

        private Builder() {
        }

        /** Adds every token of a token file. */
        public Builder file(Path file) {
            List<CredentialFile.Entry> entries = CredentialFile.read(file, "token file");
            if (entries.isEmpty()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "token file '" + file + "' defines no token");
            }
            for (CredentialFile.Entry entry : entries) {
                add(new Principal(entry.name(), entry.role()), entry.secret(), entry.where());
            }
            return this;
        }

        /**
         * Adds the admin token held by environment variable {@code variable}; {@code 22023} if the variable
         * is unset or empty (a server started without its intended token must not start at all).
         */
        public Builder environment(String variable, String value) {
            Objects.requireNonNull(variable, "variable");
            if (value == null || value.isBlank()) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "environment variable " + variable + " (--token-env) is not set or empty");
            }
            return add(new Principal(variable, Role.ADMIN), value.strip(), "environment variable " + variable);
        }

        public Builder add(Principal principal, String token, String where) {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(token, "token");
            if (token.length() < MIN_TOKEN_LENGTH) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, where + ": the token of '"
                        + principal.name() + "' is shorter than " + MIN_TOKEN_LENGTH + " characters");
            }
            byte[] digest = sha256(token);
            for (Token existing : tokens) {
                if (MessageDigest.isEqual(existing.digest(), digest)) {
                    throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, where + ": the token of '"
                            + principal.name() + "' is the same as the token of '" + existing.principal().name() + "'");
                }
            }
            tokens.add(new Token(principal, digest));
            return this;
        }

        public ApiTokens build() {
            return new ApiTokens(tokens);
        }
    }
}
