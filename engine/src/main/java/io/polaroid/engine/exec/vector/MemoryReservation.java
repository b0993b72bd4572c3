package io.polaroid.engine.exec.vector;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Accounts heap memory an operator holds (hash table slots, sort indices, accumulator arrays) against the
 * query's allocator, so that the query's memory limit covers it exactly like Arrow buffers: a query whose
 * state outgrows the limit fails with 53200 instead of exhausting the JVM heap.
 *
 * <p>Owners report the size of what they hold with {@link #reserve}/{@link #release} and close the
 * reservation with the state; closing gives everything back. Not thread-safe, like the operators.
 */
public final class MemoryReservation implements AutoCloseable {
    private final BufferAllocator allocator;
    private final String owner;
    private long reserved;

    /** @param owner names the operator in the error message ("hash aggregate", "sort" ...) */
    public MemoryReservation(BufferAllocator allocator, String owner) {
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** Adds {@code bytes} to the account. @throws PolaroidException 53200 when the query limit is exceeded */
    public void reserve(long bytes) {
        if (bytes <= 0) {
            return;
        }
        // forceAllocate always books the bytes and tells whether they fit; undo when they don't.
        if (!allocator.forceAllocate(bytes)) {
            allocator.releaseBytes(bytes);
            throw limitExceeded(owner, allocator, bytes, null);
        }
        reserved += bytes;
    }

    /** Gives back {@code bytes} previously reserved. */
    public void release(long bytes) {
        if (bytes <= 0) {
            return;
        }
        if (bytes > reserved) {
            throw new IllegalStateException(owner + " releases " + bytes + " bytes but holds " + reserved);
        }
        allocator.releaseBytes(bytes);
        reserved -= bytes;
    }

    /** Moves the account from {@code oldBytes} to {@code newBytes} (a table that grew or shrank). */
    public void resize(long oldBytes, long newBytes) {
        if (newBytes > oldBytes) {
            reserve(newBytes - oldBytes);
        } else {
            release(oldBytes - newBytes);
        }
    }

    public long reserved() {
        return reserved;
    }

    @Override
    public void close() {
        if (reserved > 0) {
            allocator.releaseBytes(reserved);
            reserved = 0;
        }
    }

    /**
     * The 53200 failure for {@code owner} needing {@code bytes} more (0 if unknown) than the query allocator
     * allows; operators also wrap Arrow's own {@code OutOfMemoryException} with it.
     */
    public static PolaroidException limitExceeded(String owner, BufferAllocator allocator, long bytes,
                                                  Throwable cause) {
        String message = owner + " exceeded the query memory limit of " + allocator.getLimit() + " bytes ("
                + allocator.getAllocatedMemory() + " in use" + (bytes > 0 ? ", " + bytes + " more requested)" : ")");
        return cause == null
                ? new PolaroidException(ErrorCode.OUT_OF_MEMORY, message)
                : new PolaroidException(ErrorCode.OUT_OF_MEMORY, message, cause);
    }
}
