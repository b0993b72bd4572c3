package io.polaroid.cli.format;

import org.jline.utils.WCWidth;

/**
 * Text as a terminal shows it: how many cells it takes (East Asian wide characters take two, combining
 * marks none), control characters made visible, and long values cut to a width.
 */
public final class DisplayText {
    /** Marks a value cut short by {@link #truncate}. */
    public static final String ELLIPSIS = "…";

    private DisplayText() {
    }

    /** The number of terminal cells {@code text} takes. */
    public static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += cellWidth(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /**
     * {@code text} with line breaks and tabs written as {@code \n}, {@code \r}, {@code \t} and other control
     * characters as {@code ?}, so one value stays on one line of a table.
     */
    public static String singleLine(String text) {
        int i = 0;
        while (i < text.length() && !Character.isISOControl(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n':
                    line.append("\\n");
                    break;
                case '\r':
                    line.append("\\r");
                    break;
                case '\t':
                    line.append("\\t");
                    break;
                default:
                    line.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        return line.toString();
    }

    /**
     * {@code text} if it fits in {@code maxWidth} cells, else its longest prefix that fits in
     * {@code maxWidth - 1} cells followed by {@link #ELLIPSIS}. Never splits a surrogate pair.
     */
    public static String truncate(String text, int maxWidth) {
        if (maxWidth < 1) {
            throw new IllegalArgumentException("maxWidth must be positive: " + maxWidth);
        }
        if (width(text) <= maxWidth) {
            return text;
        }
        int budget = maxWidth - 1;
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int cells = cellWidth(codePoint);
            if (used + cells > budget) {
                break;
            }
            used += cells;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** Appends {@code text} padded with spaces to {@code width} cells, on the left if {@code alignRight}. */
    public static void pad(StringBuilder line, String text, int width, boolean alignRight) {
        int padding = Math.max(0, width - width(text));
        if (alignRight) {
            line.append(" ".repeat(padding)).append(text);
        } else {
            line.append(text).append(" ".repeat(padding));
        }
    }

    private static int cellWidth(int codePoint) {
        if (codePoint < 0x7f) {
            return codePoint >= 0x20 ? 1 : 0;
        }
        // WCWidth answers -1 for control characters: they take no cell once made visible by singleLine
        return Math.max(0, WCWidth.wcwidth(codePoint));
    }
}
