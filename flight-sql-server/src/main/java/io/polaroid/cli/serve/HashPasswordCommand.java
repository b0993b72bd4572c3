package io.polaroid.cli.serve;

import io.polaroid.cli.PolaroidCli;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.server.security.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid hash-password}: prints the hash of a password for a {@code --users} file. The password is
 * read from the terminal without echo (asked twice), or as the first line of standard input when that is
 * not a terminal ({@code printf '%s\n' "$PW" | polaroid hash-password}); never from the command line,
 * where other users could see it in the process list.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print a password hash for a users file (--users): name:role:<hash>.")
public final class HashPasswordCommand implements Callable<Integer> {
    @ParentCommand
    private PolaroidCli cli;

    @Option(names = "--user", paramLabel = "NAME", description = "Print a whole users-file line for this user.")
    private String user;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "read_only",
            description = "The role of --user: admin or read_only (default: ${DEFAULT-VALUE}).")
    private String role;

    @Override
    public Integer call() throws IOException {
        char[] password = readPassword();
        try {
            if (password.length == 0) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the password must not be empty");
            }
            String hash = PasswordHash.create(password).encoded();
            String roleName = io.polaroid.server.security.Role.parse(role, "--role").fileName();
            cli.out().println(user == null ? hash : user + ":" + roleName + ":" + hash);
            cli.out().flush();
            return 0;
        } finally {
            Arrays.fill(password, (char) 0);
        }
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null && cli.environment().stdin() == System.in) {
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Repeat password: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "the passwords do not match");
            }
            Arrays.fill(second, (char) 0);
            return first;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(cli.environment().stdin(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
