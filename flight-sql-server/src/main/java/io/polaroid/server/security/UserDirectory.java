package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The users who may log in with a name and password ({@code --users FILE}), each line
 * {@code name:role:pbkdf2-sha256$...} (see {@link PasswordHash}; {@code polaroid hash-password} prints
 * one). Read once at start.
 */
public final class UserDirectory {
    private record User(Principal principal, PasswordHash hash) {
    }

    private final Map<String, User> users;

    private UserDirectory(Map<String, User> users) {
        this.users = Map.copyOf(users);
    }

    /** Reads a users file; {@code 22023} naming the file and line for a malformed or duplicate entry. */
    public static UserDirectory load(Path file) {
        Map<String, User> users = new LinkedHashMap<>();
        for (CredentialFile.Entry entry : CredentialFile.read(file, "users file")) {
            User user = new User(new Principal(entry.name(), entry.role()), PasswordHash.parse(entry.secret(), entry.where()));
            if (users.putIfAbsent(entry.name(), user) != null) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                        entry.where() + ": user '" + entry.name() + "' is defined twice");
            }
        }
        if (users.isEmpty()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "users file '" + file + "' defines no user");
        }
        return new UserDirectory(users);
    }

    /**
     * The principal whose name and password these are, or empty. An unknown name costs a hash computation
     * too, so response time does not tell which user names exist.
     */
    public Optional<Principal> authenticate(String name, char[] password) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        User user = users.get(name);
        if (user == null) {
            PasswordHash.decoy().matches(password);
            return Optional.empty();
        }
        return user.hash().matches(password) ? Optional.of(user.principal()) : Optional.empty();
    }

    public Collection<Principal> principals() {
        return users.values().stream().map(User::principal).toList();
    }
}
