package io.polaroid.cli.serve;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC health check of {@link HealthCommand}, in a class of its own: the command line builds every
 * subcommand when it starts, and verifying a class loads the classes its code catches and assigns, so
 * gRPC code inside a command would load gRPC and Netty into every {@code polaroid} process, the lean
 * {@code polaroid http} included.
 */
final class GrpcHealthProbe {
    private GrpcHealthProbe() {
    }

    /** 0 if the server at host:port reports SERVING, 1 otherwise; prints the outcome. */
    static int check(String host, int port, File tlsCa, int timeoutSeconds, PrintWriter out, PrintWriter err)
            throws Exception {
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(host, port);
        if (tlsCa == null) {
            builder.usePlaintext();
        } else {
            builder.sslContext(GrpcSslContexts.forClient().trustManager(tlsCa).build());
        }
        ManagedChannel channel = builder.build();
        try {
            ServingStatus status = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(timeoutSeconds, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
            out.println(host + ":" + port + " " + status);
            out.flush();
            return status == ServingStatus.SERVING ? 0 : 1;
        } catch (StatusRuntimeException e) {
            err.println(host + ":" + port + " is not healthy: " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
            return 1;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
