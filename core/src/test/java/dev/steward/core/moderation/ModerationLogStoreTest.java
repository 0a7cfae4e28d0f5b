package dev.steward.core.moderation;

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
class ModerationLogStoreTest extends CoreTestApplication.OnPostgres {
    @Autowired ModerationLogStore log;
    @Autowired AccountRepository accounts;

    private static ModerationLogQuery everything(long account, String guild) {
        return new ModerationLogQuery(account, guild, null, null, null, null, null, null, 10);
    }

    /** Entries a guild's earlier account left (a message under way as it disconnected the guild). */
    @Test
    void anotherAccountsEntriesInTheSameGuildAreNeitherShownNorCounted() {
        long earlier = Fixtures.newAccount(accounts, Plan.STARTER);
        long now = Fixtures.newAccount(accounts, Plan.STARTER);
        String guild = "g-" + earlier;
        Instant at = Instant.now();
        log.append(new ModerationLogStore.NewEntry(earlier, guild, "c1", "u1", "alice", "1", earlier + "-m1",
                "an original of the earlier account", "No spam", "DELETE", "spam", 1.0, "FILTER", "", at));
        long entry = log.list(everything(earlier, guild)).get(0).id();

        assertThat(log.list(everything(now, guild))).isEmpty();
        assertThat(log.find(now, guild, entry)).isEmpty();
        assertThat(log.violationsSince(now, guild, "u1", "current", at.minus(Duration.ofDays(1)))).isZero();
        assertThat(log.violationsSince(earlier, guild, "u1", "current", at.minus(Duration.ofDays(1)))).isOne();
        log.markFalsePositive(now, guild, entry, "agent", at);
        assertThat(log.find(earlier, guild, entry)).hasValueSatisfying(e -> assertThat(e.falsePositive()).isFalse());
    }
}
