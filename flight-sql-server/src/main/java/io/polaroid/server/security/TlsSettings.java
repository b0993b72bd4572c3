package io.polaroid.server.security;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.flight.FlightServer;

/**
 * TLS for the Flight endpoint: a PEM certificate chain and PEM (PKCS#8) private key
 * ({@code --tls-cert}, {@code --tls-key}), and optionally a PEM CA bundle that client certificates must
 * chain to ({@code --tls-client-ca}: mutual TLS, a client without such a certificate cannot connect).
 */
public record TlsSettings(Path certificateChain, Path privateKey, Optional<Path> clientCa) {
    public TlsSettings {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientCa, "clientCa");
        requireReadable(certificateChain, "--tls-cert");
        requireReadable(privateKey, "--tls-key");
        clientCa.ifPresent(ca -> requireReadable(ca, "--tls-client-ca"));
    }

    /** Turns TLS (and client verification) on in a Flight server builder. */
    public void apply(FlightServer.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        try {
            builder.useTls(certificateChain.toFile(), privateKey.toFile());
            if (clientCa.isPresent()) {
                builder.useMTlsClientVerification(clientCa.get().toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files " + certificateChain + ", " + privateKey, e);
        }
    }

    private static void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    option + " '" + file + "' is not a readable file");
        }
    }
}
