package io.polaroid.cli.serve;

import io.polaroid.cli.PolaroidCli;
import java.io.File;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid health}: asks a running server's gRPC health service whether it is serving; exit code 0
 * if so, 1 otherwise. The Docker HEALTHCHECK runs it, as the runtime image has no gRPC probe binary.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check that a Polaroid server is serving (exit code 0) through its gRPC health service.")
public final class HealthCommand implements Callable<Integer> {
    @ParentCommand
    private PolaroidCli cli;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "The server's host (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--port", defaultValue = "50051", paramLabel = "PORT",
            description = "The server's port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--tls-ca", paramLabel = "FILE",
            description = "The server uses TLS: trust its certificate through this PEM CA file.")
    private File tlsCa;

    @Option(names = "--timeout-seconds", defaultValue = "5", paramLabel = "N",
            description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        return GrpcHealthProbe.check(host, port, tlsCa, timeoutSeconds, cli.out(), cli.err());
    }
}
