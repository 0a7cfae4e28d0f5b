package dev.steward.workflows;

/** Task queue names shared by the starters (bridge, api) and the workers. */
public final class TaskQueues {
    /** Message workflows and every activity they call. */
    public static final String MESSAGES = "steward-messages";

    private TaskQueues() {
    }
}
