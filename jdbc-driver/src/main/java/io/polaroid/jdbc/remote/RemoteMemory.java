package io.polaroid.jdbc.remote;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The Arrow memory of remote connections. Each connection allocates from an allocator of its own (a
 * child of one root shared by the JVM's remote connections), which it closes last when it closes: a
 * connection that leaked memory says so in the log, and {@link #allocatedBytes()} shows what all open
 * remote connections hold.
 */
public final class RemoteMemory {
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private RemoteMemory() {
    }

    /** Created on first use: the embedded mode alone never touches it. */
    private static final class Root {
        static final RootAllocator ALLOCATOR = new RootAllocator(Long.MAX_VALUE);
    }

    /** A new connection's allocator, named after its server so that a leak report says whose it is. */
    static BufferAllocator newConnectionAllocator(RemoteAddress address) {
        return Root.ALLOCATOR.newChildAllocator("remote-" + CONNECTION_IDS.incrementAndGet() + "-" + address, 0,
                Long.MAX_VALUE);
    }

    /** Bytes of Arrow memory the open remote connections of this JVM hold now. */
    public static long allocatedBytes() {
        return Root.ALLOCATOR.getAllocatedMemory();
    }

    /** Remote connections of this JVM whose allocator is still open. */
    public static int openAllocators() {
        return Root.ALLOCATOR.getChildAllocators().size();
    }
}
