package io.polaroid.cli.serve;

import io.polaroid.config.ByteSize;
import picocli.CommandLine;

/** Reads sizes as {@link ByteSize} does: {@code 536870912}, {@code 512m}, {@code 2g}. */
public final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not " + e.getMessage());
        }
    }
}
