package dev.steward.workers.discord;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The reason Discord shows in a guild's audit log travels in a header, which Discord reads percent-encoded and
 * at most 512 characters long. Discord4J sends it as given, and Netty refuses a header with a line break in
 * it, so a model's reason spanning two lines would fail its action on every retry.
 */
final class AuditLogReason {
    static final int MAX_CHARS = 512;

    private AuditLogReason() {
    }

    /** Encoded a character at a time, so the cut never splits a character or an escape; null for none. */
    static String encode(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < reason.length(); ) {
            int codePoint = reason.codePointAt(i);
            String one = URLEncoder.encode(Character.toString(codePoint), StandardCharsets.UTF_8).replace("+", "%20");
            if (encoded.length() + one.length() > MAX_CHARS) {
                break;
            }
            encoded.append(one);
            i += Character.charCount(codePoint);
        }
        return encoded.toString();
    }
}
