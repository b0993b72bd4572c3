package io.polaroid.parquet.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads: they never move a channel's position, so many readers may share nothing but the file. */
public final class FileReads {
    private FileReads() {
    }

    /** Reads exactly {@code length} bytes at {@code position} into {@code target[offset..]}. */
    public static void readFully(FileChannel channel, long position, byte[] target, int offset, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(target, offset, length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new EOFException("file ended at offset " + at + " while reading " + length + " bytes at "
                        + position);
            }
            at += n;
        }
    }
}
