package dev.steward.core.cache;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.CachedAccounts;
import dev.steward.core.account.Plan;
import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.bot.CachedBots;
import dev.steward.core.guild.CachedGuilds;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.workflows.guild.ResponseMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache is really read (a write behind Spring Data's back is not seen), and writes through it clear it. The
 * cross-process notices are off: this process's own notices would also clear it (CacheChangeNoticesTest).
 */
@SpringBootTest(classes = CoreTestApplication.class,
        properties = {"steward.cache.settings-ttl=1h", "steward.cache.listen=false"})
class CachedRowsTest extends CoreTestApplication.OnPostgres {
    @Autowired CachedGuilds cached;
    @Autowired CachedAccounts cachedAccounts;
    @Autowired CachedBots cachedBots;
    @Autowired BotRepository bots;
    @Autowired GuildRepository guilds;
    @Autowired AccountRepository accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void aSavedGuildIsReadAfreshAndAnUntrackedWriteWaitsForExpiry() {
        long account = Fixtures.newAccount(accounts, Plan.PRO);
        String discordId = "c" + System.nanoTime();
        Guild guild = guilds.save(Guild.connect(discordId, account, "Support", Instant.now()));
        assertThat(cached.byDiscordGuildId(discordId).orElseThrow().responseMode()).isEqualTo(ResponseMode.MENTION);

        jdbc.sql("UPDATE guild SET smart_mode = FALSE WHERE discord_guild_id = ?").param(discordId).update();
        assertThat(cached.byDiscordGuildId(discordId).orElseThrow().smartMode()).isTrue();

        transaction.executeWithoutResult(tx -> {
            guilds.save(guild.withSettings(ResponseMode.ALL_MESSAGES, true, false, "", 180, Instant.now()));
            // not committed yet: other readers keep the committed settings
            assertThat(CompletableFuture.supplyAsync(() -> cached.byDiscordGuildId(discordId)).join()
                    .orElseThrow().responseMode()).isEqualTo(ResponseMode.MENTION);
        });
        assertThat(cached.byDiscordGuildId(discordId).orElseThrow().responseMode()).isEqualTo(ResponseMode.ALL_MESSAGES);

        guilds.deleteById(guild.id());
        assertThat(cached.byDiscordGuildId(discordId)).isEmpty();
    }

    @Test
    void whatAWriteThatRollsBackReadItselfIsNotKept() {
        long account = Fixtures.newAccount(accounts, Plan.PRO);
        String discordId = "r" + System.nanoTime();

        transaction.executeWithoutResult(tx -> {
            guilds.save(Guild.connect(discordId, account, "Never", Instant.now()));
            assertThat(cached.byDiscordGuildId(discordId)).isPresent(); // its own write
            tx.setRollbackOnly();
        });

        assertThat(cached.byDiscordGuildId(discordId)).isEmpty();
    }

    @Test
    void aPlanChangeIsChargedAtOnce() {
        long id = Fixtures.newAccount(accounts, Plan.STARTER);
        assertThat(cachedAccounts.byId(id).orElseThrow().plan()).isEqualTo(Plan.STARTER);

        accounts.save(accounts.findById(id).orElseThrow().withPlan(Plan.PRO));

        assertThat(cachedAccounts.byId(id).orElseThrow().plan()).isEqualTo(Plan.PRO);
    }

    @Test
    void aCustomBotActsAtOnceAndStopsAtOnce() {
        long account = Fixtures.newAccount(accounts, Plan.PRO);
        String discordId = "b" + System.nanoTime();
        guilds.save(Guild.connect(discordId, account, "Support", Instant.now()));
        assertThat(cachedBots.byDiscordGuildId(discordId)).isEmpty();

        Bot bot = bots.save(new Bot(null, account, "app" + System.nanoTime(), "key", "sealed", Instant.now()));
        assertThat(cachedBots.byDiscordGuildId(discordId)).get().extracting(Bot::id).isEqualTo(bot.id());

        bots.delete(bot);
        assertThat(cachedBots.byDiscordGuildId(discordId)).isEmpty();
    }
}
