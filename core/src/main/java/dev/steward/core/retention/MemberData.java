package dev.steward.core.retention;

import dev.steward.core.conversation.ConversationClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** A member's deletion request: their conversation workflows end first, then their rows go. */
@Component
public class MemberData {
    private final RetentionStore store;
    private final ConversationClient conversations;

    MemberData(RetentionStore store, ConversationClient conversations) {
        this.store = store;
        this.conversations = conversations;
    }

    public RetentionStore.MemberDeletion delete(long accountId, String guildId, String userId, Instant now) {
        conversations.end(store.conversationsOf(accountId, guildId, userId), "member data deleted");
        return store.deleteMember(accountId, guildId, userId, now);
    }
}
