package dev.steward.workflows.moderation;

import java.util.List;

/**
 * What to do about a message, after the action choice rules and repeat-offender escalation.
 *
 * @param actions        the actions to run, in order (a removal first, then the action on the member)
 * @param timeoutMinutes the length of a timeout, when one is among the actions
 */
public record ModerationDecision(ModerationAction action, List<ModerationAction> actions, ModerationSource source,
                                 String rule, String reason, double confidence, int timeoutMinutes) {

    public ModerationDecision {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static ModerationDecision none(ModerationSource source, String reason) {
        return new ModerationDecision(ModerationAction.NONE, List.of(), source, "", reason, 0, 0);
    }
}
