package io.polaroid.catalog.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The kinds of data file a catalog of files serves, recognised by their extension (case-insensitive). */
public enum FileFormat {
    PARQUET(".parquet"),
    /** Arrow IPC, file ({@code ARROW1} magic, which Feather v2 is) or stream format. */
    ARROW_IPC(".arrow", ".feather"),
    /** Comma-separated values with a header row; column types are inferred from a sample. */
    CSV(".csv");

    private final String[] extensions;

    FileFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The format of {@code file} by its extension, or empty for a file of another kind. */
    public static Optional<FileFormat> of(Path file) {
        String name = Objects.requireNonNull(file, "file").getFileName().toString().toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            for (String extension : format.extensions) {
                if (name.endsWith(extension) && name.length() > extension.length()) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** The file name without its extension: {@code trades} for {@code trades.csv}. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Every extension, for messages. */
    public static String allExtensions() {
        StringBuilder text = new StringBuilder();
        for (FileFormat format : values()) {
            for (String extension : format.extensions) {
                text.append(text.length() == 0 ? "" : ", ").append(extension);
            }
        }
        return text.toString();
    }
}
