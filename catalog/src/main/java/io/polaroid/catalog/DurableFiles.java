package io.polaroid.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files so that a crash at any moment leaves either the old or the new content: write a temp
 * file next to the target, fsync it, rename it over the target (atomic on POSIX file systems), fsync the
 * directory so the rename itself is durable. Temp files end in {@value #TEMP_SUFFIX}; one left behind by a
 * crash is garbage that {@link CatalogDirectory} deletes on open.
 */
final class DurableFiles {
    static final String TEMP_SUFFIX = ".tmp";
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Hooks between the steps of {@link #replace}, for tests that simulate a failure mid-way. */
    interface Steps {
        /** Called after the new content is durable under the temp name, before the rename. */
        void beforeRename() throws IOException;

        /** Called after the rename, before the directory is synced. */
        void afterRename() throws IOException;

        Steps NONE = new Steps() {
            @Override
            public void beforeRename() {
            }

            @Override
            public void afterRename() {
            }
        };
    }

    /** Atomically and durably replaces (or creates) {@code target} with {@code content}. */
    static void replace(Path target, byte[] content, Steps steps) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            steps.beforeRename();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        steps.afterRename();
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes renames and deletions in {@code directory} durable. */
    static void syncDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return;  // Windows cannot open a directory as a channel; NTFS journals metadata changes itself.
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
