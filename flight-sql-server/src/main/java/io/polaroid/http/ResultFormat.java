package io.polaroid.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How {@code POST /query} encodes a result, with the media type it is sent as. */
enum ResultFormat {
    /** The Arrow IPC streaming format: schema message, then record batches as the engine makes them. */
    ARROW("application/vnd.apache.arrow.stream"),
    /** A JSON array with one object per row, keyed by column name. */
    JSON("application/json"),
    /** RFC 4180 CSV with a header row; NULL is an empty field, the empty string {@code ""}. */
    CSV("text/csv; charset=utf-8; header=present"),
    /** A Parquet file written by the catalog's own writer. */
    PARQUET("application/vnd.apache.parquet");

    private final String mediaType;

    ResultFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The name used in requests: {@code arrow}, {@code json}, {@code csv}, {@code parquet}. */
    String requestName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws HttpFailure 400 for a name that is not a format */
    static ResultFormat parse(String name) {
        for (ResultFormat format : values()) {
            if (format.requestName().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw HttpFailure.badRequest("unknown format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ResultFormat::requestName).collect(Collectors.joining(", ")));
    }
}
