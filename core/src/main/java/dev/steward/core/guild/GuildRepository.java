package dev.steward.core.guild;

import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

public interface GuildRepository extends ListCrudRepository<Guild, Long> {
    Optional<Guild> findByDiscordGuildId(String discordGuildId);

    List<Guild> findByAccountIdOrderById(long accountId);
}
