package dev.steward.workers.answer;

import dev.steward.workers.knowledge.Passage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The line that names an answer's sources, from the passage numbers the model cited. */
final class Sources {
    private Sources() {
    }

    static String line(List<Integer> cited, List<Passage> passages) {
        Set<String> names = new LinkedHashSet<>();
        for (int number : cited) {
            if (number >= 1 && number <= passages.size()) {
                Passage p = passages.get(number - 1);
                names.add(p.sourceUrl() == null || p.sourceUrl().isBlank() ? p.title()
                        : "[" + p.title() + "](<" + p.sourceUrl() + ">)");
            }
        }
        return names.isEmpty() ? "" : "\n-# Sources: " + String.join(", ", names);
    }
}
