package dev.steward.workers.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Keyword tokens: lower-case words of two or more letters or digits, without common English stop words. */
final class Tokens {
    private static final Set<String> STOP = Set.of("the", "and", "for", "are", "but", "not", "you", "your", "with",
            "this", "that", "from", "have", "has", "was", "were", "can", "how", "what", "when", "where", "which", "who",
            "why", "does", "did", "doing", "into", "about", "there", "their", "them", "then", "than", "its", "our",
            "out", "all", "any", "get", "got", "will", "would", "should", "could", "may", "might", "is", "it", "to",
            "of", "in", "on", "at", "by", "an", "or", "as", "be", "do", "if", "so", "my", "me", "we", "us", "no", "i");

    private Tokens() {
    }

    static List<String> of(String text) {
        List<String> tokens = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2 && !STOP.contains(word)) {
                tokens.add(word);
            }
        }
        return tokens;
    }
}
