package dev.steward.core.bot;

import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

public interface BotRepository extends ListCrudRepository<Bot, Long> {
    Optional<Bot> findByAccountId(long accountId);

    Optional<Bot> findByApplicationId(String applicationId);
}
