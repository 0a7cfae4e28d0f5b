package dev.steward.core.retention;

import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A member's deletion request: their conversation workflows end first (they hold recent turns in memory
 * and would write them back), then their rows go.
 */
@Component
public class MemberData {
    private final RetentionStore store;
    private final WorkflowClient client;

    MemberData(RetentionStore store, WorkflowClient client) {
        this.store = store;
        this.client = client;
    }

    public RetentionStore.MemberDeletion delete(long accountId, String guildId, String userId, Instant now) {
        for (ConversationKey key : store.conversationsOf(accountId, guildId, userId)) {
            try {
                client.newUntypedWorkflowStub(ConversationWorkflowIds.of(key)).terminate("member data deleted");
            } catch (WorkflowNotFoundException alreadyEnded) {
                // nothing in memory to end
            }
        }
        return store.deleteMember(accountId, guildId, userId, now);
    }
}
