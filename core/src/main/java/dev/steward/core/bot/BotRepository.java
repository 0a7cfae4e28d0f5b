package dev.steward.core.bot;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;

/** Queries spelled out: a derived query renders its SQL again on every call, on the hot path of every message. */
public interface BotRepository extends ListCrudRepository<Bot, Long> {
    @Query("SELECT * FROM bot WHERE account_id = :accountId")
    Optional<Bot> findByAccountId(long accountId);

    /** The custom bot acting in a guild, in one read: every Discord send asks. */
    @Query("SELECT b.* FROM bot b JOIN guild g ON g.account_id = b.account_id WHERE g.discord_guild_id = :discordGuildId")
    Optional<Bot> findByDiscordGuildId(String discordGuildId);

    @Query("SELECT * FROM bot WHERE application_id = :applicationId")
    Optional<Bot> findByApplicationId(String applicationId);
}
