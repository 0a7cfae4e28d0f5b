package dev.steward.workflows.message;

/**
 * Workflow ids derived from Discord ids, so that a replayed gateway event, a second bridge replica or a
 * redelivered interaction all land on the same execution.
 */
public final class MessageWorkflowIds {
    private MessageWorkflowIds() {
    }

    public static String forMessage(String guildId, String messageId) {
        return "message-" + guildId + "-" + messageId;
    }

    /** /ask: a redelivered interaction lands on the same execution. */
    public static String forInteraction(String interactionId) {
        return "ask-" + interactionId;
    }

    public static String of(IncomingMessage message) {
        return message.source() == MessageSource.ASK ? forInteraction(message.messageId())
                : forMessage(message.guildId(), message.messageId());
    }
}
