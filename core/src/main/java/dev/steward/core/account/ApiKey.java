package dev.steward.core.account;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** An account's API key; only its hash is stored. */
@Table
public record ApiKey(@Id Long id, long accountId, ApiKeyRole role, String name, String keyHash, String keyPrefix,
                     Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
