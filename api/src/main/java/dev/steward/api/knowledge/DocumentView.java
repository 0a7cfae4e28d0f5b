package dev.steward.api.knowledge;

import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.DocumentStatus;
import dev.steward.core.knowledge.KnowledgeDocument;

import java.time.Instant;

/** A knowledge document as the API shows it; the content is left out of listings. */
record DocumentView(long id, String title, String sourceUrl, DocumentKind kind, DocumentStatus status,
                    String failureReason, int revision, int chunks, int characters, Instant createdAt,
                    Instant updatedAt) {

    static DocumentView of(KnowledgeDocument d) {
        return new DocumentView(d.id(), d.title(), d.sourceUrl(), d.kind(), d.status(), d.failureReason(), d.revision(),
                d.chunkCount(), d.content().length(), d.createdAt(), d.updatedAt());
    }
}
