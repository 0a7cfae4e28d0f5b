package dev.steward.core.knowledge;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

/** Queries spelled out: a derived query renders its SQL again on every call, on the hot path of every message. */
public interface KnowledgeDocumentRepository extends ListCrudRepository<KnowledgeDocument, Long> {
    @Query("SELECT * FROM knowledge_document WHERE account_id = :accountId ORDER BY id")
    List<KnowledgeDocument> findByAccountIdOrderById(long accountId);

    @Query("SELECT * FROM knowledge_document WHERE id = :id AND account_id = :accountId")
    Optional<KnowledgeDocument> findByIdAndAccountId(long id, long accountId);
}
