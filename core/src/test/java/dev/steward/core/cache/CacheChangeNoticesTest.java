package dev.steward.core.cache;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.bot.CachedBots;
import dev.steward.core.guild.CachedGuilds;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workflows.guild.ResponseMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes on one database, as a separate api and a worker run in production: a change saved through one
 * clears the other's cache through a PostgreSQL notice. Entries live for an hour here, so only a notice can
 * explain a change being seen.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "steward.cache.settings-ttl=1h")
class CacheChangeNoticesTest extends CoreTestApplication.OnPostgres {
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    /** The worker: its own pool, caches and listener. */
    private static ConfigurableApplicationContext worker;

    @Autowired GuildRepository guilds;
    @Autowired AccountRepository accounts;
    @Autowired BotRepository bots;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @BeforeAll
    static void startWorker() {
        // As arguments: SpringApplicationBuilder.properties would rank below steward-core.properties.
        worker = new SpringApplicationBuilder(CoreTestApplication.class).web(WebApplicationType.NONE)
                .run("--steward.cache.settings-ttl=1h", "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.USER,
                        "--spring.datasource.password=" + TestDatabase.PASSWORD);
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @Test
    void theWorkerKeepsItsEntriesForTheHour() {
        assertThat(worker.getEnvironment().getProperty("steward.cache.settings-ttl")).isEqualTo("1h");
    }

    @Test
    void aSettingsChangeSavedThroughTheApiReachesTheWorkerAtOnce() {
        Guild guild = newGuild();
        CachedGuilds cache = worker.getBean(CachedGuilds.class);
        assertThat(cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().responseMode())
                .isEqualTo(ResponseMode.MENTION);

        guilds.save(guild.withSettings(ResponseMode.ALL_MESSAGES, true, false, "", 180, Instant.now()));

        eventually(() -> cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().responseMode(),
                ResponseMode.ALL_MESSAGES);
    }

    @Test
    void aCustomBotRegisteredThroughTheApiActsAtOnceThoughNoBotWasKept() {
        Guild guild = newGuild();
        CachedBots cache = worker.getBean(CachedBots.class);
        assertThat(cache.byDiscordGuildId(guild.discordGuildId())).isEmpty();

        Bot bot = bots.save(new Bot(null, guild.accountId(), "app" + System.nanoTime(), "key", "sealed", Instant.now()));

        eventually(() -> cache.byDiscordGuildId(guild.discordGuildId()).map(Bot::id).orElse(null), bot.id());
    }

    @Test
    void aChangeThatRollsBackSendsNoNotice() {
        Guild guild = newGuild();
        CachedGuilds cache = worker.getBean(CachedGuilds.class);
        assertThat(cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().smartMode()).isTrue();
        untrackedSmartModeOff(guild); // what a clear would reveal

        transaction.executeWithoutResult(tx -> {
            guilds.save(guild.withSettings(ResponseMode.ALL_MESSAGES, true, false, "", 180, Instant.now()));
            tx.setRollbackOnly();
        });
        fence();

        assertThat(cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().smartMode()).isTrue();
    }

    @Test
    void aListenerThatLostItsConnectionComesBackAndForgetsWhatItMayHaveMissed() {
        Guild guild = newGuild();
        CachedGuilds cache = worker.getBean(CachedGuilds.class);
        assertThat(cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().smartMode()).isTrue();
        untrackedSmartModeOff(guild);
        assertThat(cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().smartMode()).isTrue();

        jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")
                .param(CacheChangeListener.APPLICATION_NAME).query().listOfRows();

        eventually(() -> cache.byDiscordGuildId(guild.discordGuildId()).orElseThrow().smartMode(), false);
        fence(); // and it hears notices again
    }

    /** A guild whose creation notices the worker has already handled, so none of them clears it later. */
    private Guild newGuild() {
        long account = Fixtures.newAccount(accounts, Plan.PRO);
        Guild guild = guilds.save(Guild.connect("n" + System.nanoTime(), account, "Support", Instant.now()));
        fence();
        return guild;
    }

    /** A write behind Spring Data's back, as raw SQL: it sends no notice. */
    private void untrackedSmartModeOff(Guild guild) {
        jdbc.sql("UPDATE guild SET smart_mode = FALSE WHERE id = ?").param(guild.id()).update();
    }

    /** Notices arrive in commit order: once the worker has heard this one, it has handled every earlier one. */
    private void fence() {
        String fence = "fence-" + UUID.randomUUID();
        jdbc.sql("SELECT pg_notify(?, ?)").params(CacheChangeNotices.CHANNEL, fence).query().listOfRows();
        eventually(() -> worker.getBean(CacheChangeListener.class).lastHeard, fence);
    }

    private static <T> void eventually(Supplier<T> actual, T expected) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T seen = actual.get();
        while (!expected.equals(seen) && System.nanoTime() < deadline) {
            sleep();
            seen = actual.get();
        }
        assertThat(seen).isEqualTo(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
