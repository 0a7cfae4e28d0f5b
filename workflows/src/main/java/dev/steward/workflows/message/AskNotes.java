package dev.steward.workflows.message;

import dev.steward.workflows.message.MessageOutcome.Status;

/**
 * What a member who used /ask is told when no answer comes. Discord shows a deferred /ask as "thinking…"
 * until its response is edited, and as failed after 15 minutes: every outcome must say something.
 */
public final class AskNotes {
    public static final String NOT_SET_UP = "Steward is not set up in this server yet.";
    public static final String EMPTY_QUESTION =
            "Ask a question, for example: /ask question: how do I reset my password?";
    static final String OTHER_CHANNEL = "I answer questions in this server's help channels; please ask there.";
    static final String AGAINST_THE_RULES = "Your question breaks this server's rules, so I can't answer it.";
    static final String WITH_AN_AGENT = "A team member is handling your conversation and will answer you here.";

    private AskNotes() {
    }

    /** The note for an outcome that sent nothing, or null when there is nothing to say (a bot's own command). */
    static String forUnanswered(Status status) {
        return switch (status) {
            case IGNORED_UNKNOWN_GUILD -> NOT_SET_UP;
            case IGNORED_EMPTY -> EMPTY_QUESTION;
            case NOT_ADDRESSED -> OTHER_CHANNEL;
            case REMOVED_BY_MODERATION -> AGAINST_THE_RULES;
            case HANDED_TO_AGENT -> WITH_AN_AGENT;
            case QUOTA_EXHAUSTED -> MessageWorkflowImpl.UNAVAILABLE_REPLY;
            case RATE_LIMITED -> MessageWorkflowImpl.SLOW_DOWN_REPLY;
            // Not reached: these reply, and a skip never applies to /ask.
            case ANSWERED, FALLBACK_ANSWERED, SKIPPED -> MessageWorkflowImpl.FALLBACK_REPLY;
            case IGNORED_BOT_AUTHOR -> null;
        };
    }
}
