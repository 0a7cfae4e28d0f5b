package dev.steward.core.conversation;

/** An agent action the conversation refused: someone else holds it, or it is not taken over. */
public class ConversationConflict extends RuntimeException {
    public ConversationConflict(String message) {
        super(message);
    }
}
