package io.polaroid.jdbc.remote;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.remote.RemoteSettings.ClientIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.arrow.flight.grpc.NettyClientBuilder;

/**
 * Applies a connection's TLS settings to the Flight client it builds: TLS on, the server check (or none), the
 * certificate authorities of {@code tlsRootCerts}, and the client certificate of {@code tlsClientCert} /
 * {@code tlsClientKey} for a server that requires one (mutual TLS).
 *
 * <p>The PEM files are read here, whole: the builder parses its streams only when the channel is built, and a
 * file that cannot be read is then reported as a connection failure naming the file, not as a TLS error.
 */
final class ClientTls {
    private ClientTls() {
    }

    static void configure(NettyClientBuilder builder, RemoteSettings settings) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(settings, "settings");
        if (!settings.tls()) {
            return;
        }
        builder.useTls();
        if (!settings.verifyServer()) {
            builder.verifyServer(false);
        }
        if (settings.tlsRootCerts().isPresent()) {
            builder.trustedCertificates(read(settings.tlsRootCerts().get(), "tlsRootCerts", settings));
        }
        if (settings.clientIdentity().isPresent()) {
            ClientIdentity identity = settings.clientIdentity().get();
            builder.clientCertificate(read(identity.certificate(), "tlsClientCert", settings),
                    read(identity.privateKey(), "tlsClientKey", settings));
        }
    }

    /** The failure to report when the builder cannot use the PEM files it was given. */
    static PolaroidException unusableFiles(RemoteSettings settings, RuntimeException cause) {
        StringBuilder files = new StringBuilder();
        settings.tlsRootCerts().ifPresent(path -> files.append(" tlsRootCerts=").append(path));
        settings.clientIdentity().ifPresent(identity -> files.append(" tlsClientCert=").append(identity.certificate())
                .append(" tlsClientKey=").append(identity.privateKey()));
        return new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot use the TLS files" + files + " to connect to "
                + settings.address() + ": " + cause.getMessage(), cause);
    }

    private static ByteArrayInputStream read(Path file, String property, RemoteSettings settings) {
        try {
            return new ByteArrayInputStream(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.CONNECTION_FAILURE, "cannot read " + property + " " + file
                    + " to connect to " + settings.address() + ": " + e.getMessage(), e);
        }
    }
}
