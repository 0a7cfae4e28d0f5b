package dev.steward.core.knowledge;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/**
 * A document of an account's knowledge base. {@code revision} grows with every replacement, so an
 * ingestion of an older revision can tell it has been overtaken and must not write.
 */
@Table
public record KnowledgeDocument(@Id Long id, long accountId, String title, String sourceUrl, DocumentKind kind,
                                String content, DocumentStatus status, String failureReason, int revision,
                                int chunkCount, Instant createdAt, Instant updatedAt) {

    public static KnowledgeDocument pending(long accountId, String title, String sourceUrl, DocumentKind kind,
                                            String content, Instant now) {
        return new KnowledgeDocument(null, accountId, title, sourceUrl, kind, content, DocumentStatus.PENDING, "", 1, 0,
                now, now);
    }

    public KnowledgeDocument replacedBy(String newTitle, String newSourceUrl, DocumentKind newKind, String newContent,
                                        Instant now) {
        return new KnowledgeDocument(id, accountId, newTitle, newSourceUrl, newKind, newContent, DocumentStatus.PENDING,
                "", revision + 1, chunkCount, createdAt, now);
    }
}
