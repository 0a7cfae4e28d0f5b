package dev.steward.workers.discord;

/**
 * Defuses mass mentions in text the model wrote. allowed_mentions already stops the pings; this also keeps
 * the text from looking like one (and protects any path that forgets allowed_mentions).
 */
public final class MentionGuard {
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private MentionGuard() {
    }

    public static String defuse(String text) {
        return text.replace("@everyone", "@" + ZERO_WIDTH_SPACE + "everyone")
                .replace("@here", "@" + ZERO_WIDTH_SPACE + "here")
                .replaceAll("<@&(\\d+)>", "@" + ZERO_WIDTH_SPACE + "role");
    }
}
