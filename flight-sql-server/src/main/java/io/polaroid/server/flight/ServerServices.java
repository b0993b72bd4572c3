package io.polaroid.server.flight;

import io.polaroid.engine.Engine;
import io.polaroid.server.hooks.Authorizer;
import io.polaroid.server.hooks.QueryAdmission;
import io.polaroid.server.hooks.QueryListener;
import io.polaroid.server.ingest.IngestService;
import io.polaroid.server.session.ExecutionRegistry;
import io.polaroid.server.session.SessionRegistry;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What the Flight SQL calls share: the engine, the client sessions and planned executions, the ingest
 * writer, the hooks, and the allocator results are streamed from.
 *
 * @param allocator             a child of the engine's root allocator: batches move from a query's memory
 *                              into the outgoing stream without copying, which Arrow allows only between
 *                              allocators of one root
 * @param queryMemoryLimitBytes the memory account of each query; 0 for the engine's default
 */
public record ServerServices(Engine engine, SessionRegistry sessions, ExecutionRegistry executions,
                             IngestService ingest, Authorizer authorizer, QueryAdmission admission,
                             QueryListener listener, BufferAllocator allocator, long queryMemoryLimitBytes) {
    public ServerServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(executions, "executions");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(admission, "admission");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(allocator, "allocator");
    }
}
