package dev.steward.core.conversation;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CoreTestApplication.class)
class ConversationStoreTest extends CoreTestApplication.OnPostgres {
    @Autowired ConversationStore store;
    @Autowired AccountRepository accounts;

    @Test
    void turnsAreStoredOncePerKeyAndReadBackOldestFirstWithoutTheCurrentOne() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        ConversationKey key = new ConversationKey("g-" + account, "c1", "u1");
        store.append(new Turn(account, key, TurnRole.MEMBER, "m1:member", "alice", "first?", 1_000));
        store.append(new Turn(account, key, TurnRole.BOT, "m1:bot", "Steward", "answer one", 2_000));
        store.append(new Turn(account, key, TurnRole.BOT, "m1:bot", "Steward", "answer one", 2_000));
        store.append(new Turn(account, key, TurnRole.MEMBER, "m2:member", "alice", "second?", 3_000));
        store.append(new Turn(account, new ConversationKey(key.guildId(), "c1", "u2"), TurnRole.MEMBER,
                "m3:member", "bob", "someone else", 4_000));

        assertThat(store.recentTurns(key, "m2:member", 10)).containsExactly(
                new StoredTurn(TurnRole.MEMBER, "alice", "first?"),
                new StoredTurn(TurnRole.BOT, "Steward", "answer one"));
        assertThat(store.recentTurns(key, "none", 1)).extracting(StoredTurn::content).containsExactly("second?");
    }
}
