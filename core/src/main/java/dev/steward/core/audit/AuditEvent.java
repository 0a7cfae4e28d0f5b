package dev.steward.core.audit;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table
public record AuditEvent(@Id Long id, long accountId, String actor, String action, String target, String detail,
                         Instant createdAt) {
}
