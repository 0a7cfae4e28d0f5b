package dev.steward.workflows.message;

import java.util.List;

/** What the workflow did with a message; returned to starters that wait (sandbox, tests). */
public record MessageOutcome(Status status, List<String> replyMessageIds) {

    public enum Status {
        ANSWERED,
        /** The model kept failing; the member got the polite fallback reply instead of silence. */
        FALLBACK_ANSWERED,
        NOT_ADDRESSED,
        /** Smart mode: the AI judged that the message needs no answer. */
        SKIPPED,
        IGNORED_BOT_AUTHOR,
        IGNORED_UNKNOWN_GUILD,
        IGNORED_EMPTY,
        REMOVED_BY_MODERATION,
        QUOTA_EXHAUSTED,
        /** The member asked too often (the per-member abuse guard). */
        RATE_LIMITED,
        /** An agent has taken the conversation over: the message reached them, the AI stayed quiet. */
        HANDED_TO_AGENT
    }

    public MessageOutcome {
        replyMessageIds = List.copyOf(replyMessageIds);
    }

    public static MessageOutcome of(Status status) {
        return new MessageOutcome(status, List.of());
    }
}
