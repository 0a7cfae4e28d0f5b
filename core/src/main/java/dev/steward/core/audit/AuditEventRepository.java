package dev.steward.core.audit;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

public interface AuditEventRepository extends ListCrudRepository<AuditEvent, Long> {
    List<AuditEvent> findTop100ByAccountIdOrderByIdDesc(long accountId);
}
