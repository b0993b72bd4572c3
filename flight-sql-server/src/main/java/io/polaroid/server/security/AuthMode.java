package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Locale;

/** How clients prove who they are ({@code --auth}); {@link #BASIC} and {@link #TOKEN} can be combined. */
public enum AuthMode {
    /** No authentication: allowed only on a loopback address. Every caller may do everything. */
    NONE,
    /** User name and password from the users file, exchanged for a session bearer token. */
    BASIC,
    /** Static API tokens from a token file or an environment variable. */
    TOKEN;

    public static AuthMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "unknown --auth mode '" + text + "'; expected none, basic or token");
        }
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
