package dev.steward.workers.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown-like text into chunks along headings and paragraphs. A chunk holds whole paragraphs up to
 * a size; the next chunk of the same section starts with the tail of the previous one (overlap), so an
 * answer that straddles two chunks is still found. Each chunk knows its heading path.
 */
final class Chunker {
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+)$");

    record Chunk(String heading, String content) {
    }

    private final int maxChars;
    private final int overlapChars;

    Chunker(int maxChars, int overlapChars) {
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    List<Chunk> chunk(String text) {
        List<Chunk> chunks = new ArrayList<>();
        String[] path = new String[6];
        List<String> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String trimmed = block.strip();
            Matcher heading = HEADING.matcher(trimmed.lines().findFirst().orElse(""));
            if (heading.matches()) {
                pack(headingOf(path), paragraphs, chunks);
                paragraphs.clear();
                int level = heading.group(1).length();
                path[level - 1] = heading.group(2).strip();
                for (int i = level; i < path.length; i++) {
                    path[i] = null;
                }
                trimmed = trimmed.lines().skip(1).reduce("", (a, b) -> a + "\n" + b).strip();
            }
            if (!trimmed.isEmpty()) {
                paragraphs.addAll(splitLong(trimmed));
            }
        }
        pack(headingOf(path), paragraphs, chunks);
        return chunks;
    }

    private void pack(String heading, List<String> paragraphs, List<Chunk> out) {
        StringBuilder current = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (current.length() > 0 && current.length() + paragraph.length() + 2 > maxChars) {
                out.add(new Chunk(heading, current.toString().strip()));
                String previous = current.toString();
                current.setLength(0);
                current.append(tail(previous)).append("\n\n");
            }
            current.append(paragraph).append("\n\n");
        }
        if (!current.toString().isBlank()) {
            out.add(new Chunk(heading, current.toString().strip()));
        }
    }

    /** The last sentences of a chunk, about overlapChars long, that open the next chunk. */
    private String tail(String text) {
        String trimmed = text.strip();
        if (trimmed.length() <= overlapChars) {
            return trimmed;
        }
        String end = trimmed.substring(trimmed.length() - overlapChars);
        int sentence = end.indexOf(". ");
        return sentence >= 0 && sentence < end.length() - 2 ? end.substring(sentence + 2) : end;
    }

    /** Paragraphs longer than a chunk are split at sentence ends. */
    private List<String> splitLong(String paragraph) {
        if (paragraph.length() <= maxChars) {
            return List.of(paragraph);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            if (part.length() > 0 && part.length() + sentence.length() + 1 > maxChars) {
                parts.add(part.toString().strip());
                part.setLength(0);
            }
            while (sentence.length() > maxChars) {
                parts.add(sentence.substring(0, maxChars));
                sentence = sentence.substring(maxChars);
            }
            part.append(sentence).append(' ');
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString().strip());
        }
        return parts;
    }

    private static String headingOf(String[] path) {
        StringBuilder heading = new StringBuilder();
        for (String level : path) {
            if (level != null) {
                heading.append(heading.length() == 0 ? "" : " > ").append(level);
            }
        }
        return heading.toString();
    }
}
