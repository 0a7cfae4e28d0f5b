package dev.steward.core.account;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface ApiKeyRepository extends ListCrudRepository<ApiKey, Long> {
    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByAccountIdOrderById(long accountId);
}
