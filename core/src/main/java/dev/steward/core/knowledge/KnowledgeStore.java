package dev.steward.core.knowledge;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Chunks and the account's knowledge revision; every write to a knowledge base bumps the revision. */
@Repository
public class KnowledgeStore {
    private final JdbcClient jdbc;

    KnowledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces a document's chunks in one transaction, only if the document is still at this revision: an
     * overtaken ingestion writes nothing. Returns whether it wrote.
     */
    @Transactional
    public boolean replaceChunks(long documentId, int revision, List<ChunkDraft> chunks, Instant now) {
        int current = jdbc.sql("""
                        UPDATE knowledge_document SET status = 'READY', failure_reason = '', chunk_count = ?, updated_at = ?
                        WHERE id = ? AND revision = ?""")
                .params(chunks.size(), Timestamp.from(now), documentId, revision).update();
        if (current == 0) {
            return false;
        }
        long accountId = accountOf(documentId);
        jdbc.sql("DELETE FROM knowledge_chunk WHERE document_id = ?").param(documentId).update();
        for (ChunkDraft chunk : chunks) {
            jdbc.sql("INSERT INTO knowledge_chunk (document_id, account_id, position, heading, content, embedding) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(documentId, accountId, chunk.position(), chunk.heading(), chunk.content(),
                            Embeddings.toBytes(chunk.embedding()))
                    .update();
        }
        bumpRevision(accountId);
        return true;
    }

    /** Marks a failed ingestion and removes the document's chunks, so nothing half-ingested stays. */
    @Transactional
    public void fail(long documentId, int revision, String reason, Instant now) {
        int current = jdbc.sql("""
                        UPDATE knowledge_document SET status = 'FAILED', failure_reason = ?, chunk_count = 0, updated_at = ?
                        WHERE id = ? AND revision = ?""")
                .params(reason, Timestamp.from(now), documentId, revision).update();
        if (current > 0) {
            jdbc.sql("DELETE FROM knowledge_chunk WHERE document_id = ?").param(documentId).update();
            bumpRevision(accountOf(documentId));
        }
    }

    /**
     * Stores a fetched page as the document's content, if still at this revision; the kind becomes what the
     * page turned out to be (HTML, or Markdown for plain text), the source URL stays.
     */
    public boolean storeFetchedContent(long documentId, int revision, String title, DocumentKind kind, String content) {
        return jdbc.sql("UPDATE knowledge_document SET content = ?, title = ?, kind = ? WHERE id = ? AND revision = ?")
                .params(content, title, kind.name(), documentId, revision).update() == 1;
    }

    public void bumpRevision(long accountId) {
        jdbc.sql("UPDATE account SET knowledge_revision = knowledge_revision + 1 WHERE id = ?").param(accountId).update();
    }

    public long revision(long accountId) {
        return jdbc.sql("SELECT knowledge_revision FROM account WHERE id = ?").param(accountId)
                .query(Long.class).optional().orElse(0L);
    }

    public List<StoredChunk> chunks(long accountId) {
        return jdbc.sql("""
                        SELECT c.id, c.document_id, d.title, d.source_url, c.heading, c.content, c.embedding
                        FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
                        WHERE c.account_id = ? ORDER BY c.id""")
                .param(accountId)
                .query((rs, n) -> new StoredChunk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Embeddings.fromBytes(rs.getBytes(7))))
                .list();
    }

    private long accountOf(long documentId) {
        return jdbc.sql("SELECT account_id FROM knowledge_document WHERE id = ?").param(documentId).query(Long.class).single();
    }
}
