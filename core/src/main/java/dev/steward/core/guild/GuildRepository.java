package dev.steward.core.guild;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

/** Queries spelled out: a derived query renders its SQL again on every call, on the hot path of every message. */
public interface GuildRepository extends ListCrudRepository<Guild, Long> {
    @Query("SELECT * FROM guild WHERE discord_guild_id = :discordGuildId")
    Optional<Guild> findByDiscordGuildId(String discordGuildId);

    @Query("SELECT * FROM guild WHERE account_id = :accountId ORDER BY id")
    List<Guild> findByAccountIdOrderById(long accountId);
}
