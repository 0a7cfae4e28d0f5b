package dev.steward.core.conversation;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CoreTestApplication.class)
class ConversationStoreTest extends CoreTestApplication.OnPostgres {
    @Autowired ConversationStore store;
    @Autowired AccountRepository accounts;
    @Autowired ConversationQueries queries;
    @Autowired GuildRepository guilds;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void turnsAreStoredOncePerKeyAndReadBackOldestFirstWithoutTheCurrentOne() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey key = new ConversationKey("g-" + account, "c1", "u1");
        store.append(new Turn(account, key, TurnRole.MEMBER, "m1:member", "alice", "first?", 1_000, false));
        store.append(new Turn(account, key, TurnRole.BOT, "m1:bot", "Steward", "answer one", 2_000, false));
        store.append(new Turn(account, key, TurnRole.BOT, "m1:bot", "Steward", "answer one", 2_000, false));
        store.append(new Turn(account, key, TurnRole.MEMBER, "m2:member", "alice", "second?", 3_000, false));
        store.append(new Turn(account, new ConversationKey(key.guildId(), "c1", "u2"), TurnRole.MEMBER,
                "m3:member", "bob", "someone else", 4_000, false));

        assertThat(store.recentTurns(key, "m2:member", 10)).containsExactly(
                new StoredTurn(TurnRole.MEMBER, "alice", "first?"),
                new StoredTurn(TurnRole.BOT, "Steward", "answer one"));
        assertThat(store.recentTurns(key, "none", 1)).extracting(StoredTurn::content).containsExactly("second?");
    }

    @Test
    void turnsGoStraightToTheStoreOnlyWhileNoWorkflowIsOpen() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey key = new ConversationKey("g-" + account, "c1", "u1");
        long now = System.currentTimeMillis();

        assertThat(store.appendUnlessWorkflowOpen(new Turn(account, key, TurnRole.MEMBER, account + ":m1:member", "alice", "one", now, false)))
                .isTrue();
        store.openWorkflow(key);
        assertThat(store.appendUnlessWorkflowOpen(new Turn(account, key, TurnRole.MEMBER, account + ":m2:member", "alice", "two", now + 1, false)))
                .as("the running workflow must get it").isFalse();
        assertThat(store.recentTurns(key, "none", 10)).extracting(StoredTurn::content).containsExactly("one");

        store.close(key, now + 2);
        assertThat(store.appendUnlessWorkflowOpen(new Turn(account, key, TurnRole.MEMBER, account + ":m3:member", "alice", "three", now + 3, false)))
                .as("after the run ended idle").isTrue();
        assertThat(store.recentTurns(key, "none", 10)).extracting(StoredTurn::content).containsExactly("one", "three");
    }

    /** Without the row lock the takeover would open the workflow, which would load a history missing the turn. */
    @Test
    void openingTheWorkflowWaitsForATurnBeingStoredSoItsHistoryHasIt() throws Exception {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey key = new ConversationKey("g-" + account, "c1", "u1");
        store.append(new Turn(account, key, TurnRole.MEMBER, account + ":m0:member", "alice", "earlier", 1_000, false));
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> admission = threads.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                boolean direct = store.appendUnlessWorkflowOpen(new Turn(account, key, TurnRole.MEMBER, account + ":m1:member",
                        "alice", "in flight", 2_000, false));
                stored.countDown();
                await(commit);
                return direct;
            }));
            await(stored);
            Future<List<String>> takeover = threads.submit(() -> {
                store.openWorkflow(key);
                return store.history(key, 10).recentTurns().stream().map(Turn::content).toList();
            });
            Thread.sleep(300);
            commit.countDown();

            assertThat(admission.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(takeover.get(10, TimeUnit.SECONDS)).containsExactly("earlier", "in flight");
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aConversationWithoutAWorkflowIsActiveUntilItHasBeenIdleForTheIdlePeriod() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey recent = new ConversationKey("g-" + account, "c1", "recent");
        ConversationKey idle = new ConversationKey("g-" + account, "c1", "idle");
        ConversationKey held = new ConversationKey("g-" + account, "c1", "held");
        long now = System.currentTimeMillis();
        long twoDaysAgo = now - Duration.ofDays(2).toMillis();
        store.append(new Turn(account, recent, TurnRole.MEMBER, account + ":r:member", "rita", "hi", now - 60_000, false));
        store.append(new Turn(account, idle, TurnRole.MEMBER, account + ":i:member", "ivan", "hi", twoDaysAgo, false));
        store.append(new Turn(account, held, TurnRole.MEMBER, account + ":h:member", "hana", "hi", twoDaysAgo, false));
        store.openWorkflow(held);

        assertThat(queries.active(account, null, null, 10)).extracting(ConversationQueries.Summary::userId)
                .containsExactlyInAnyOrder("recent", "held");
        assertThat(queries.active(account, null, null, 10)).allMatch(ConversationQueries.Summary::active);
        long idleId = store.conversationId(account, idle, new Timestamp(twoDaysAgo)).orElseThrow();
        assertThat(queries.find(account, idleId)).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
    }

    /** A message under way as the guild's earlier account disconnected it left a row of that account. */
    @Test
    void theGuildsNewAccountStartsOverInsteadOfJoiningAConversationOfItsEarlierAccount() {
        long earlier = Fixtures.newAccount(accounts, Plan.STARTER);
        long now = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey key = new ConversationKey("g-" + earlier, "c1", "u1");
        store.append(new Turn(earlier, key, TurnRole.MEMBER, earlier + ":m1:member", "alice", "left behind", 1_000, false));
        long leftBehind = store.conversationId(earlier, key, new Timestamp(1_000)).orElseThrow();
        guilds.save(Guild.connect(key.guildId(), now, "Acme", Instant.now()));

        assertThat(store.appendUnlessWorkflowOpen(new Turn(now, key, TurnRole.MEMBER, now + ":m2:member", "alice",
                "for the new account", 2_000, false))).isTrue();
        store.append(new Turn(earlier, key, TurnRole.BOT, earlier + ":m3:bot", "Steward", "late answer", 3_000, false));

        long current = store.conversationId(now, key, new Timestamp(2_000)).orElseThrow();
        assertThat(current).isNotEqualTo(leftBehind);
        assertThat(queries.transcript(current, 10)).extracting(ConversationQueries.TranscriptTurn::content)
                .containsExactly("for the new account");
        assertThat(queries.find(earlier, leftBehind)).isEmpty();
        assertThat(queries.find(earlier, current)).isEmpty();
        assertThat(store.conversationId(earlier, key, new Timestamp(3_000))).as("not the earlier account's guild").isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
