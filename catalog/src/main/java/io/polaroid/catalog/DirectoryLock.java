package io.polaroid.catalog;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on a catalog directory, so two processes never write one catalog. The lock
 * file holds the owner's process id for the error message; the OS releases the lock if the process dies.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "catalog.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;  // this JVM already holds it
            }
            if (lock == null) {
                String owner = readOwner(channel);
                channel.close();
                throw new PolaroidException(ErrorCode.OBJECT_IN_USE, "catalog directory '" + directory
                        + "' is in use by another catalog (process " + owner + ", lock file '" + file
                        + "'); close it first or use another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
            return new DirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot lock catalog directory '" + directory + "': " + e, e);
        }
    }

    private static String readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            int read = channel.read(buffer, 0);
            String pid = read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot unlock catalog directory: " + e, e);
        }
    }
}
