package io.polaroid.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.server.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ResourceOptionsTest {
    @Command(name = "serve")
    static final class Holder {
        @Mixin
        ResourceOptions resources;
    }

    private static ServerConfig parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.resources.applyTo(ServerConfig.builder()).build();
    }

    @Test
    void defaultsLeaveTheLimitsOffAndTheGraceAtTenSeconds() {
        ServerConfig config = parse();
        assertEquals(0, config.memoryLimitBytes());
        assertEquals(0, config.queryMemoryLimitBytes());
        assertEquals(ServerConfig.DEFAULT_SHUTDOWN_GRACE, config.shutdownGrace());
    }

    @Test
    void sizesAndDurationsAsPeopleWriteThem() {
        ServerConfig config = parse("--memory-limit", "8g", "--query-memory-limit", "512m", "--shutdown-grace", "2m");
        assertEquals(8L << 30, config.memoryLimitBytes());
        assertEquals(512L << 20, config.queryMemoryLimitBytes());
        assertEquals(Duration.ofMinutes(2), config.shutdownGrace());
    }

    @Test
    void aWrongSizeIsAnErrorNamingIt() {
        CommandLine.ParameterException error = assertThrows(CommandLine.ParameterException.class,
                () -> parse("--query-memory-limit", "lots"));
        assertTrue(error.getMessage().contains("'lots' is not a size"), error.getMessage());
    }
}
