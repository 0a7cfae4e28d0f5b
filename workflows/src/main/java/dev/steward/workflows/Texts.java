package dev.steward.workflows;

/** Text from outside (Discord, the API, the model, fetched pages) made storable. */
public final class Texts {
    private Texts() {
    }

    /**
     * Removes NUL, which PostgreSQL refuses in text (a stored turn would fail and retry for an hour), and the
     * other C0 control characters except tab, newline and carriage return, which mean nothing in chat.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return strip(text);
            }
        }
        return text;
    }

    /** At most {@code maxChars} characters, to fit a column of that length; a surrogate pair is never split. */
    public static String clip(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
    }

    private static String strip(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
    }
}
