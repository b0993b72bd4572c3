package io.polaroid.jdbc.metadata;

import java.util.regex.Pattern;

/**
 * A {@code DatabaseMetaData} name pattern: {@code %} matches any run of characters, {@code _} any one
 * character, and {@code \} (the search string escape) makes the next character literal. Matching ignores
 * case, as the dialect does for unquoted and quoted names alike. A null pattern matches every name.
 */
public final class LikePattern {
    private static final LikePattern ANY = new LikePattern(null);

    private final Pattern regex;

    private LikePattern(Pattern regex) {
        this.regex = regex;
    }

    public static LikePattern of(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return ANY;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new LikePattern(Pattern.compile(regex.toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return regex == null || (name != null && regex.matcher(name).matches());
    }
}
