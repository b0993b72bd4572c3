package io.polaroid.cli.serve;

import io.polaroid.server.security.AuthMode;
import io.polaroid.server.security.SecuritySettings;
import io.polaroid.server.security.TlsSettings;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The security options of {@code polaroid serve}: authentication and TLS. A picocli mixin. */
public final class SecurityOptions {
    @Option(names = "--auth", paramLabel = "MODE", split = ",",
            description = "How clients authenticate: none (loopback only), basic (--users), token (--token-file, "
                    + "--token-env); basic and token combine (--auth basic,token). "
                    + "Default: implied by the credential options given, else none.")
    private List<String> authModes = new ArrayList<>();

    @Option(names = "--users", paramLabel = "FILE",
            description = "Users for --auth basic: lines name:role:hash, role admin or read_only, hash from "
                    + "'polaroid hash-password'.")
    private Path usersFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "API tokens for --auth token: lines name:role:token (token at least 16 characters).")
    private Path tokenFile;

    @Option(names = "--token-env", paramLabel = "NAME",
            description = "Environment variable holding an admin API token, e.g. POLAROID_TOKEN.")
    private String tokenVariable;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve over TLS.")
    private Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM (PKCS#8) private key of --tls-cert.")
    private Path tlsKey;

    @Option(names = "--tls-client-ca", paramLabel = "FILE",
            description = "PEM CA certificates: require client certificates signed by them (mutual TLS).")
    private Path tlsClientCa;

    /** The options as settings; {@code 22023} for TLS options given without their partners. */
    public SecuritySettings settings() {
        Set<AuthMode> modes = EnumSet.noneOf(AuthMode.class);
        authModes.stream().filter(mode -> !mode.isBlank()).map(AuthMode::parse).forEach(modes::add);
        return new SecuritySettings(modes, Optional.ofNullable(usersFile), Optional.ofNullable(tokenFile),
                Optional.ofNullable(tokenVariable), tls());
    }

    private Optional<TlsSettings> tls() {
        if (tlsCertificate == null && tlsKey == null) {
            if (tlsClientCa != null) {
                throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "--tls-client-ca needs --tls-cert and --tls-key");
            }
            return Optional.empty();
        }
        if (tlsCertificate == null || tlsKey == null) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, "--tls-cert and --tls-key go together");
        }
        return Optional.of(new TlsSettings(tlsCertificate, tlsKey, Optional.ofNullable(tlsClientCa)));
    }
}
