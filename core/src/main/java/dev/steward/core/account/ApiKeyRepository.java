package dev.steward.core.account;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

/** Queries spelled out: a derived query renders its SQL again on every call, on the hot path of every message. */
public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {
    @Query("SELECT * FROM api_key WHERE key_hash = :keyHash")
    Optional<ApiKey> findByKeyHash(String keyHash);

    @Query("SELECT * FROM api_key WHERE account_id = :accountId ORDER BY id")
    List<ApiKey> findByAccountIdOrderById(long accountId);
}
