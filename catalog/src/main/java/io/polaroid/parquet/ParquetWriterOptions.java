package io.polaroid.parquet;

import java.util.Objects;

/**
 * How {@link ParquetWriter} lays out a file.
 *
 * @param codec         page compression
 * @param rowGroupRows  rows per row group (the last one may hold fewer)
 * @param pageSizeBytes target uncompressed size of a data page
 * @param dictionary    dictionary-encode columns while the dictionary stays small
 * @param dataPageV2    write DATA_PAGE_V2 pages instead of v1
 */
public record ParquetWriterOptions(ParquetCodec codec, long rowGroupRows, int pageSizeBytes, boolean dictionary,
                                   boolean dataPageV2) {
    public ParquetWriterOptions {
        Objects.requireNonNull(codec, "codec");
        if (rowGroupRows <= 0) {
            throw new IllegalArgumentException("rowGroupRows must be positive: " + rowGroupRows);
        }
        if (pageSizeBytes < 1024) {
            throw new IllegalArgumentException("pageSizeBytes must be at least 1024: " + pageSizeBytes);
        }
    }

    /** Snappy, about one million rows per row group, 1 MiB pages, dictionary on, v1 pages. */
    public static ParquetWriterOptions defaults() {
        return new ParquetWriterOptions(ParquetCodec.SNAPPY, 1 << 20, 1 << 20, true, false);
    }

    public ParquetWriterOptions withCodec(ParquetCodec newCodec) {
        return new ParquetWriterOptions(newCodec, rowGroupRows, pageSizeBytes, dictionary, dataPageV2);
    }
}
