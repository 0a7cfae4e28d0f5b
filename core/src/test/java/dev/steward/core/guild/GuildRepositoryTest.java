package dev.steward.core.guild;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.ApiKey;
import dev.steward.core.account.ApiKeyRepository;
import dev.steward.core.account.ApiKeyRole;
import dev.steward.core.account.ApiKeys;
import dev.steward.core.account.Plan;
import dev.steward.workflows.guild.ResponseMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = CoreTestApplication.class)
class GuildRepositoryTest extends CoreTestApplication.OnPostgres {
    @Autowired GuildRepository guilds;
    @Autowired AccountRepository accounts;
    @Autowired ApiKeyRepository keys;

    @Test
    void guildSettingsRoundTripAndAGuildBelongsToOneAccount() {
        long account = Fixtures.newAccount(accounts, Plan.PRO);
        String discordId = "g" + System.nanoTime();
        Guild saved = guilds.save(Guild.connect(discordId, account, "Support", Instant.now()));
        guilds.save(saved.withSettings(ResponseMode.ALL_MESSAGES, false, true, "1,2", 300, Instant.now()));

        Guild read = guilds.findByDiscordGuildId(discordId).orElseThrow();
        assertThat(read.responseMode()).isEqualTo(ResponseMode.ALL_MESSAGES);
        assertThat(read.smartMode()).isFalse();
        assertThat(read.channelAwareness()).isTrue();
        assertThat(guilds.findByAccountIdOrderById(account)).hasSize(1);

        long other = Fixtures.newAccount(accounts, Plan.PRO);
        assertThatThrownBy(() -> guilds.save(Guild.connect(discordId, other, "Stolen", Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void apiKeysAreFoundByHashOnly() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        String key = ApiKeys.generate();
        keys.save(new ApiKey(null, account, ApiKeyRole.ADMIN, "ci", ApiKeys.hash(key), ApiKeys.displayPrefix(key),
                Instant.now(), null));

        assertThat(keys.findByKeyHash(ApiKeys.hash(key))).get().extracting(ApiKey::accountId).isEqualTo(account);
        assertThat(keys.findByKeyHash(key)).isEmpty();
    }
}
