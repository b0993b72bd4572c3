package io.polaroid.parquet.format;

import io.airlift.compress.MalformedInputException;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;

/**
 * Builds the user-facing exceptions of Parquet I/O, so every message names the file (and column) the same way.
 */
public final class ParquetErrors {
    private ParquetErrors() {
    }

    public static PolaroidException corrupt(Path file, String detail) {
        return new PolaroidException(ErrorCode.DATA_CORRUPTED, "Cannot read Parquet file " + file + ": " + detail);
    }

    public static PolaroidException corrupt(Path file, String column, String detail, Throwable cause) {
        return new PolaroidException(ErrorCode.DATA_CORRUPTED,
                "Cannot read column '" + column + "' of Parquet file " + file + ": " + detail, cause);
    }

    public static PolaroidException unsupported(Path file, String column, String detail) {
        return new PolaroidException(ErrorCode.FEATURE_NOT_SUPPORTED,
                "Cannot read column '" + column + "' of Parquet file " + file + ": " + detail);
    }

    public static PolaroidException io(Path file, String action, Throwable cause) {
        return new PolaroidException(ErrorCode.IO_ERROR, "I/O error " + action + " Parquet file " + file + ": "
                + cause.getMessage(), cause);
    }

    /**
     * Whether {@code failure}, thrown while decoding bytes of a file, means the bytes are bad. Decoders validate
     * what they read, but index and arithmetic exceptions from a corrupt stream are caught here too so that they
     * never escape as programming errors.
     */
    public static boolean isDecodingFailure(RuntimeException failure) {
        return failure instanceof CorruptDataException
                || failure instanceof MalformedInputException
                || failure instanceof IndexOutOfBoundsException
                || failure instanceof IllegalArgumentException
                || failure instanceof ArithmeticException
                || failure instanceof NegativeArraySizeException
                || failure instanceof IllegalStateException
                || failure instanceof UnsupportedOperationException;
    }
}
