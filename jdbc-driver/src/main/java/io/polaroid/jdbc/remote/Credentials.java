package io.polaroid.jdbc.remote;

import java.util.Objects;

/**
 * How a connection proves who it is. Secrets never appear in {@link #toString()}, so a logged or
 * printed value cannot leak them.
 */
sealed interface Credentials {

    /** A server without authentication. */
    record None() implements Credentials {
        @Override
        public String toString() {
            return "no credentials";
        }
    }

    /** User and password, exchanged for a bearer token by a handshake (Flight's basic-token flow). */
    record Basic(String user, String password) implements Credentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "user " + user;
        }
    }

    /** A bearer token (API key) sent with every call. */
    record Token(String token) implements Credentials {
        public Token {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "a bearer token";
        }
    }
}
