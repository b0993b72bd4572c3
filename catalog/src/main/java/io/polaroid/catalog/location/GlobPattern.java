package io.polaroid.catalog.location;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file name pattern relative to a base directory, with {@code /} between segments:
 * {@code *} and {@code ?} match within one segment, {@code [abc]}, {@code [a-z]} and {@code [!a]} match one
 * character of a set, and a {@code **} segment matches zero or more directories (so {@code **}{@code /*.parquet}
 * also finds files directly in the base, as DuckDB and Spark do; {@code java.nio}'s glob does not).
 */
public final class GlobPattern {
    private final String text;
    private final Pattern regex;
    private final boolean recursive;
    private final int segmentCount;

    private GlobPattern(String text) {
        this.text = text;
        this.regex = Pattern.compile(toRegex(text));
        String[] segments = text.split("/", -1);
        this.segmentCount = segments.length;
        boolean anyRecursive = false;
        for (String segment : segments) {
            anyRecursive |= segment.equals("**");
        }
        this.recursive = anyRecursive;
    }

    /** Compiles {@code text}; throws IllegalArgumentException for an unclosed {@code [}. */
    public static GlobPattern compile(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.startsWith("/")) {
            throw new IllegalArgumentException("a glob pattern must be a non-empty relative path: '" + text + "'");
        }
        return new GlobPattern(text);
    }

    /** Whether {@code segment} (one path element) holds a wildcard character. */
    public static boolean hasWildcard(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code relativePath} (segments joined by {@code /}) matches. */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    /** How many directory levels below the base a match can be; unbounded for {@code **}. */
    public int maxDepth() {
        return recursive ? Integer.MAX_VALUE : segmentCount;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] segments = glob.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            boolean last = s == segments.length - 1;
            if (segment.equals("**")) {
                // Zero or more whole directories; as the last segment, any file at any depth.
                regex.append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }
            appendSegment(regex, segment, glob);
            if (!last) {
                regex.append('/');
            }
        }
        return regex.toString();
    }

    private static void appendSegment(StringBuilder regex, String segment, String glob) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int close = segment.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed '[' in glob '" + glob + "'");
                    }
                    String set = segment.substring(i + 1, close);
                    boolean negated = set.startsWith("!") || set.startsWith("^");
                    if (negated) {
                        set = set.substring(1);
                    }
                    regex.append(negated ? "[^/" : "[");
                    for (int k = 0; k < set.length(); k++) {
                        char sc = set.charAt(k);
                        boolean range = sc == '-' && k > 0 && k < set.length() - 1;
                        appendLiteral(regex, sc, range);
                    }
                    regex.append(']');
                    i = close;
                }
                default -> {
                    int end = i;
                    while (end < segment.length() && "*?[".indexOf(segment.charAt(end)) < 0) {
                        end++;
                    }
                    regex.append(Pattern.quote(segment.substring(i, end)));
                    i = end - 1;
                }
            }
        }
    }

    /** Appends {@code c} so that the regex matches it literally (or as a range dash, when {@code raw}). */
    private static void appendLiteral(StringBuilder regex, char c, boolean raw) {
        // A backslash before any non-letter, non-digit character is a literal escape in java.util.regex.
        if (!raw && !Character.isLetterOrDigit(c)) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
