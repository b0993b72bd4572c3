package io.polaroid.catalog.files.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The records of a CSV file, one at a time, parsed by Jackson's streaming CSV parser (RFC 4180 quoting,
 * UTF-8, blank lines skipped). Errors name the file and line.
 */
final class CsvRows implements AutoCloseable {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    private static final int READ_BUFFER = 1 << 20;

    private final Path file;
    private final InputStream input;
    private final CsvParser parser;
    private long line;

    private CsvRows(Path file, InputStream input, CsvParser parser) {
        this.file = file;
        this.input = input;
        this.parser = parser;
    }

    static CsvRows open(Path file) {
        InputStream input = null;
        try {
            input = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER);
            return new CsvRows(file, input, FACTORY.createParser(input));
        } catch (NoSuchFileException e) {
            closeQuietly(input);
            throw new PolaroidException(ErrorCode.FILE_NOT_FOUND, "CSV file '" + file + "' does not exist", e);
        } catch (AccessDeniedException e) {
            closeQuietly(input);
            throw new PolaroidException(ErrorCode.IO_ERROR, "CSV file '" + file + "' cannot be read: permission denied", e);
        } catch (IOException e) {
            closeQuietly(input);
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot open CSV file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Reads the next record into {@code fields} (cleared first); false at the end of the file. */
    boolean next(List<String> fields) {
        fields.clear();
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return false;
            }
            line = parser.currentLocation().getLineNr();
            if (token != JsonToken.START_ARRAY) {
                throw corrupt("unexpected " + token, null);
            }
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                fields.add(parser.getText());
            }
            if (token != JsonToken.END_ARRAY) {
                throw corrupt("unexpected " + token, null);
            }
            return true;
        } catch (JsonProcessingException e) {
            throw corrupt(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PolaroidException(ErrorCode.IO_ERROR, "cannot read CSV file '" + file + "': " + e.getMessage(), e);
        }
    }

    /** The line the current record starts on (1-based). */
    long line() {
        return line;
    }

    /** Bytes consumed so far. */
    long bytesRead() {
        return parser.currentLocation().getByteOffset();
    }

    PolaroidException corrupt(String problem, Throwable cause) {
        return new PolaroidException(ErrorCode.DATA_CORRUPTED,
                "CSV file '" + file + "' line " + line + ": " + problem, cause);
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written, nothing to lose
        } finally {
            closeQuietly(input);
        }
    }

    private static void closeQuietly(InputStream input) {
        if (input != null) {
            try {
                input.close();
            } catch (IOException ignored) {
                // read-only stream
            }
        }
    }
}
