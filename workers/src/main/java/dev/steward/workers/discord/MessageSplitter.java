package dev.steward.workers.discord;

import java.util.ArrayList;
import java.util.List;

/** Splits text into Discord-sized messages, preferring paragraph, then line, then sentence boundaries. */
public final class MessageSplitter {
    public static final int DISCORD_LIMIT = 2000;
    private static final String[] BOUNDARIES = {"\n\n", "\n", ". ", "! ", "? ", " "};

    private MessageSplitter() {
    }

    public static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** The end of the last boundary in the window, unless that would leave a tiny first part. */
    private static int cutPoint(String text, int limit) {
        String window = text.substring(0, limit);
        for (String boundary : BOUNDARIES) {
            int at = window.lastIndexOf(boundary);
            if (at >= limit / 4) {
                return at + (boundary.isBlank() ? 0 : boundary.strip().length());
            }
        }
        return limit;
    }
}
