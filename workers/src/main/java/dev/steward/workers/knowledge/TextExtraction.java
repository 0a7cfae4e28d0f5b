package dev.steward.workers.knowledge;

import dev.steward.workflows.Texts;
import dev.steward.core.knowledge.DocumentKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns a document's content into Markdown-like text: headings as {@code #} lines, blocks as paragraphs. */
final class TextExtraction {
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, td, th, dt, dd";

    private TextExtraction() {
    }

    /** Fetched pages can carry NUL and other control characters, which PostgreSQL would refuse. */
    static String toText(DocumentKind kind, String content) {
        return Texts.clean(switch (kind) {
            case HTML, URL -> htmlToText(content);
            default -> content.strip();
        });
    }

    /** The page's {@code <title>}, or null. */
    static String htmlTitle(String html) {
        String title = Texts.clean(Jsoup.parse(html).title());
        return title.isBlank() ? null : title.strip();
    }

    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, nav, footer, header, noscript, template").remove();
        StringBuilder text = new StringBuilder();
        for (Element block : document.body().select(BLOCKS)) {
            if (!block.children().select(BLOCKS).isEmpty() && !block.is("li, td, th")) {
                continue; // a container of other blocks: its children are visited themselves
            }
            String line = block.text().strip();
            if (line.isEmpty()) {
                continue;
            }
            if (block.tagName().matches("h[1-6]")) {
                line = "#".repeat(block.tagName().charAt(1) - '0') + " " + line;
            } else if (block.is("li")) {
                line = "- " + line;
            }
            text.append(line).append("\n\n");
        }
        String result = text.toString().strip();
        return result.isEmpty() ? document.body().text().strip() : result;
    }
}
