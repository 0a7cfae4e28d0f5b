package dev.steward.core.bot;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

/** Queries spelled out: a derived query renders its SQL again on every call, on the hot path of every message. */
public interface BotRepository extends ListCrudRepository<Bot, Long> {
    @Query("SELECT * FROM bot WHERE account_id = :accountId")
    Optional<Bot> findByAccountId(long accountId);

    @Query("SELECT * FROM bot WHERE application_id = :applicationId")
    Optional<Bot> findByApplicationId(String applicationId);
}
