package io.polaroid.http;

import io.polaroid.engine.Engine;
import io.polaroid.engine.EngineConfig;
import io.polaroid.server.DatasetBinding;
import io.polaroid.server.DatasetBindings;
import io.polaroid.server.NumbersData;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryRecord;
import io.polaroid.server.security.AuthMode;
import io.polaroid.server.security.Credentials;
import io.polaroid.server.security.SecuritySettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * An engine over one dataset, {@code numbers} ({@link NumbersData}: id, grp, name), confined to a data
 * root, with the HTTP endpoint in front of it; API keys for an admin and a read-only principal.
 * {@link #close()} stops both and fails if the engine's memory was not all given back.
 */
final class HttpFixture implements AutoCloseable {
    static final String ADMIN_KEY = "admin-key-0123456789abcdef";
    static final String READER_KEY = "reader-key-0123456789abcdef";

    final Engine engine;
    final PolaroidHttpServer server;
    final Path dataRoot;
    /** What the server's query listener was told, in order. */
    final List<QueryRecord> finished;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpFixture(Engine engine, PolaroidHttpServer server, Path dataRoot, List<QueryRecord> finished) {
        this.engine = engine;
        this.server = server;
        this.dataRoot = dataRoot;
        this.finished = finished;
    }

    /** No authentication. */
    static HttpFixture open(Path directory, long rows) throws IOException {
        return open(directory, rows, false, UnaryOperator.identity(), QueryAdmission.UNLIMITED);
    }

    /** With API keys when {@code authenticated}, and {@code settings} adjusted. */
    static HttpFixture open(Path directory, long rows, boolean authenticated, UnaryOperator<HttpSettings> settings,
                            QueryAdmission admission) throws IOException {
        Path dataRoot = Files.createDirectories(directory.resolve("data"));
        Path file = NumbersData.write(dataRoot.resolve("numbers.parquet"), rows);
        Engine engine = Engine.open(EngineConfig.builder().inMemoryCatalog().dataRoots(List.of(dataRoot)).build());
        try {
            DatasetBindings.apply(engine.catalog(), List.of(DatasetBinding.parse("numbers=" + file)));
            Credentials credentials = authenticated ? tokens(directory) : Credentials.load(SecuritySettings.none(),
                    "127.0.0.1", name -> null);
            List<QueryRecord> finished = new CopyOnWriteArrayList<>();
            PolaroidHttpServer server = PolaroidHttpServer.builder(engine,
                            settings.apply(HttpSettings.onPort(0).withShutdownGrace(Duration.ZERO)))
                    .credentials(credentials)
                    .admission(admission)
                    .listener(finished::add)
                    .start();
            return new HttpFixture(engine, server, dataRoot, finished);
        } catch (RuntimeException | IOException e) {
            engine.close();
            throw e;
        }
    }

    private static Credentials tokens(Path directory) throws IOException {
        Path tokens = directory.resolve("tokens");
        Files.writeString(tokens, "admin:admin:" + ADMIN_KEY + "\nreader:read_only:" + READER_KEY + "\n");
        return Credentials.load(new SecuritySettings(Set.of(AuthMode.TOKEN), Optional.empty(), Optional.of(tokens),
                Optional.empty(), Optional.empty()), "127.0.0.1", name -> null);
    }

    URI uri(String path) {
        return URI.create(server.url() + path);
    }

    /** {@code POST /query} with {@code json} as the body, no credentials. */
    HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return post(json, null);
    }

    HttpResponse<String> post(String json, String apiKey) throws IOException, InterruptedException {
        return client.send(query(json, apiKey).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> postForBytes(String json) throws IOException, InterruptedException {
        return client.send(query(json, null).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder query(String json, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/query"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (bounded) until no query runs and the engine holds no memory; returns the memory left. */
    long awaitIdle() throws InterruptedException {
        for (int i = 0; i < 300 && (server.runningQueries() > 0 || engine.rootAllocator().getAllocatedMemory() > 0); i++) {
            Thread.sleep(50);
        }
        return engine.rootAllocator().getAllocatedMemory();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            engine.close();  // fails loudly if a query leaked memory
        }
    }
}
