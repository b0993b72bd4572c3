package io.polaroid.config;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them in connection properties and on command lines: a number of bytes, or a
 * number with a binary unit ({@code 64k}, {@code 512m}, {@code 2g}, {@code 1t}; {@code MB} and {@code GiB}
 * spellings too). One parser for the driver's properties and the server's options.
 */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /**
     * The number of bytes {@code text} stands for.
     *
     * @throws IllegalArgumentException saying what a size looks like, when {@code text} is not a positive
     *                                  size of at most 8 exabytes
     */
    public static long parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a size such as 536870912, 512m or 2g");
        }
        int shift;
        switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k":
                shift = 10;
                break;
            case "m":
                shift = 20;
                break;
            case "g":
                shift = 30;
                break;
            case "t":
                shift = 40;
                break;
            default:
                shift = 0;
        }
        long number;
        try {
            number = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("a positive size no larger than 8 exabytes");
        }
        return number << shift;
    }
}
