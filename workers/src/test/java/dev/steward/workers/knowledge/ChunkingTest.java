package dev.steward.workers.knowledge;

import dev.steward.core.knowledge.DocumentKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkingTest {
    final Chunker chunker = new Chunker(200, 60);

    @Test
    void headingsStartNewChunksAndGiveThemTheirPath() {
        List<Chunker.Chunk> chunks = chunker.chunk("# Guide\n\nIntro text.\n\n## Setup\n\nInstall it.\n\n### Linux\n\nUse apt.\n\n## Usage\n\nRun it.");
        assertThat(chunks).containsExactly(
                new Chunker.Chunk("Guide", "Intro text."),
                new Chunker.Chunk("Guide > Setup", "Install it."),
                new Chunker.Chunk("Guide > Setup > Linux", "Use apt."),
                new Chunker.Chunk("Guide > Usage", "Run it."));
    }

    @Test
    void longSectionsAreSplitOnParagraphsWithOverlap() {
        String p1 = "First paragraph sentence one. First paragraph ends here with more words to be long enough.";
        String p2 = "Second paragraph starts. It carries the important detail about the refund window of thirty days.";
        String p3 = "Third paragraph closes the section.";
        List<Chunker.Chunk> chunks = chunker.chunk("## Refunds\n\n" + p1 + "\n\n" + p2 + "\n\n" + p3);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(c -> {
            assertThat(c.heading()).isEqualTo("Refunds");
            assertThat(c.content().length()).isLessThanOrEqualTo(200 + 60);
        });
        String overlap = chunks.get(1).content().split("\n\n")[0];
        assertThat(overlap).isNotBlank().hasSizeLessThanOrEqualTo(60);
        assertThat(chunks.get(0).content()).endsWith(overlap);
        assertThat(String.join(" ", chunks.stream().map(Chunker.Chunk::content).toList())).contains(p1, p2, p3);
    }

    @Test
    void aParagraphLongerThanAChunkIsSplitAtSentences() {
        String sentence = "This sentence is part of a very long paragraph. ";
        List<Chunker.Chunk> chunks = chunker.chunk(sentence.repeat(20));
        assertThat(chunks).hasSizeGreaterThan(3).allSatisfy(c -> assertThat(c.content()).endsWith("paragraph."));
    }

    @Test
    void htmlBecomesHeadingsAndParagraphsWithoutScriptsOrNavigation() {
        String text = TextExtraction.toText(DocumentKind.HTML, """
                <html><head><title>T</title><style>p{}</style></head><body>
                <nav><a href="/">Home</a></nav>
                <div><h1>Billing</h1><p>Pay by <b>card</b>.</p><ul><li>Visa</li><li>SEPA</li></ul></div>
                <script>alert(1)</script></body></html>""");
        assertThat(text).isEqualTo("# Billing\n\nPay by card.\n\n- Visa\n\n- SEPA");
        assertThat(TextExtraction.htmlTitle("<html><head><title> FAQ </title></head></html>")).isEqualTo("FAQ");
    }
}
