package io.polaroid.catalog.snapshot;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Who still uses a snapshot, and the rows in memory that live exactly as long as someone does.
 *
 * <p>It starts with one pin, the owner's (the catalog, while the snapshot is its dataset's current one).
 * Every scan plan and every source opened from a cached split adds a pin. When the last pin goes, the
 * cache is freed and no pin can be taken any more. The owner's pin is given up once, by {@link #retire()}.
 */
final class SnapshotLifetime {
    private final String label;
    private final Object lock = new Object();
    private final ReentrantLock loadLock = new ReentrantLock();
    private int pins = 1;
    private boolean retired;
    private DatasetCache cache;

    /** @param label names the snapshot in errors about misuse */
    SnapshotLifetime(String label) {
        this.label = label;
    }

    /** Adds a pin; false if every pin is already gone (the cache, if any, is freed). */
    boolean tryPin() {
        synchronized (lock) {
            if (pins == 0) {
                return false;
            }
            pins++;
            return true;
        }
    }

    /** Removes a pin; the last one frees the cache. */
    void unpin() {
        DatasetCache toFree;
        synchronized (lock) {
            if (pins == 0) {
                throw new IllegalStateException(label + " unpinned more often than pinned");
            }
            if (--pins > 0) {
                return;
            }
            toFree = cache;
            cache = null;
        }
        if (toFree != null) {
            toFree.release();
        }
    }

    /** Gives up the owner's pin: the snapshot was replaced or dropped, or its catalog closes. */
    void retire() {
        synchronized (lock) {
            if (retired) {
                throw new IllegalStateException(label + " retired twice");
            }
            retired = true;
        }
        unpin();
    }

    boolean isRetired() {
        synchronized (lock) {
            return retired;
        }
    }

    /** The rows in memory, or null when they are not loaded (or already freed). */
    DatasetCache cache() {
        synchronized (lock) {
            return cache;
        }
    }

    /**
     * The rows in memory, loaded by {@code loader} if they are not yet: one thread loads while concurrent
     * callers wait for it. The caller must hold a pin, so the cache cannot be freed under it.
     */
    DatasetCache loadIfAbsent(Supplier<DatasetCache> loader) {
        loadLock.lock();
        try {
            DatasetCache loaded = cache();
            if (loaded == null) {
                loaded = loader.get();
                synchronized (lock) {
                    cache = loaded;
                }
            }
            return loaded;
        } finally {
            loadLock.unlock();
        }
    }
}
