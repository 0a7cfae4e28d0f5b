package dev.steward.workers.discord;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSplitterTest {
    @Test
    void shortTextIsOnePart() {
        assertThat(MessageSplitter.split("  hello  ", 2000)).containsExactly("hello");
    }

    @Test
    void splitsOnParagraphsBeforeLinesAndSentences() {
        String a = "a".repeat(1200);
        String b = "b".repeat(1200);
        assertThat(MessageSplitter.split(a + "\n\n" + b, 2000)).containsExactly(a, b);
    }

    @Test
    void fallsBackToSentenceBoundaries() {
        String sentence = "This is one sentence of the answer. ";
        List<String> parts = MessageSplitter.split(sentence.repeat(100), 2000);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(2000);
            assertThat(p).endsWith(".");
        });
        assertThat(String.join(" ", parts)).isEqualTo(sentence.repeat(100).strip());
    }

    @Test
    void textWithoutAnyBoundaryIsCutHard() {
        List<String> parts = MessageSplitter.split("x".repeat(4500), 2000);
        assertThat(parts).extracting(String::length).containsExactly(2000, 2000, 500);
    }
}
