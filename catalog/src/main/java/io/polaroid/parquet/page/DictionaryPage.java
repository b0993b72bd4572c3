package io.polaroid.parquet.page;

import org.apache.parquet.format.Encoding;

/** A decompressed dictionary page: {@code count} values in {@code buffer[start..end)}. */
public record DictionaryPage(byte[] buffer, int start, int end, int count, Encoding encoding) {
}
