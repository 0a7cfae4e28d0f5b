package dev.steward.workflows.conversation;

public final class ConversationWorkflowIds {
    private ConversationWorkflowIds() {
    }

    public static String of(ConversationKey key) {
        return "conversation:" + key.guildId() + ":" + key.channelId() + ":" + key.userId();
    }
}
