package dev.steward.core.guild;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CoreTestApplication.class)
class CachedGuildsTest extends CoreTestApplication.OnPostgres {
    @Autowired GuildRepository guilds;
    @Autowired AccountRepository accounts;

    /** Another process's cache: no event of this process's writes reaches it. */
    @Test
    void aGuildConnectedElsewhereIsServedFromItsFirstMessage() {
        CachedGuilds elsewhere = new CachedGuilds(guilds, Duration.ofHours(1));
        String discordId = "n" + System.nanoTime();
        assertThat(elsewhere.byDiscordGuildId(discordId)).isEmpty();

        guilds.save(Guild.connect(discordId, Fixtures.newAccount(accounts, Plan.PRO), "New", Instant.now()));

        assertThat(elsewhere.byDiscordGuildId(discordId)).isPresent();
    }
}
