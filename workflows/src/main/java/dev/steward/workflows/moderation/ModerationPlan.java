package dev.steward.workflows.moderation;

/**
 * The free first pass over a message: skip it (moderation off, exempt), a fast filter's decision, or the
 * AI must judge it (which costs a quota unit).
 */
public record ModerationPlan(Step step, ModerationDecision decision, String note) {
    public enum Step { SKIP, DECIDED, ASK_AI }

    public static ModerationPlan skip(String note) {
        return new ModerationPlan(Step.SKIP, null, note);
    }

    public static ModerationPlan askAi() {
        return new ModerationPlan(Step.ASK_AI, null, "");
    }

    public static ModerationPlan decided(ModerationDecision decision) {
        return new ModerationPlan(Step.DECIDED, decision, "");
    }
}
