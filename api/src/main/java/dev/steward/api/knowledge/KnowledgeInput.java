package dev.steward.api.knowledge;

import dev.steward.core.knowledge.DocumentKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;

/** Checks uploaded knowledge before anything is stored: a supported type, some text, not too much of it. */
@Component
class KnowledgeInput {
    private final int maxChars;

    KnowledgeInput(@Value("${steward.knowledge.max-document-chars:1000000}") int maxChars) {
        this.maxChars = maxChars;
    }

    DocumentKind kindOf(String contentType) {
        String type = contentType == null ? "text/plain" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (type) {
            case "text/plain" -> DocumentKind.TEXT;
            case "text/markdown" -> DocumentKind.MARKDOWN;
            case "text/html" -> DocumentKind.HTML;
            default -> throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "contentType '" + contentType + "' is not supported: use text/plain, text/markdown or text/html");
        };
    }

    String content(String content) {
        if (content == null || content.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "content: the document is empty");
        }
        if (content.length() > maxChars) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "content: the document has " + content.length() + " characters, the limit is " + maxChars);
        }
        return content;
    }
}
