package dev.steward.core.knowledge;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface KnowledgeDocumentRepository extends ListCrudRepository<KnowledgeDocument, Long> {
    List<KnowledgeDocument> findByAccountIdOrderById(long accountId);

    Optional<KnowledgeDocument> findByIdAndAccountId(long id, long accountId);
}
