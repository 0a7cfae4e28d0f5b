package dev.steward.core.bot;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** An account's own Discord application; its token is sealed by {@code SecretBox} and never leaves the server. */
@Table
public record Bot(@Id Long id, long accountId, String applicationId, String publicKey, String tokenCiphertext,
                        Instant createdAt) {
}
