package dev.steward.workflows;

/** Task queue names shared by the starters (bridge, api) and the workers. */
public final class TaskQueues {
    /** Message workflows and every activity they call. */
    public static final String MESSAGES = "steward-messages";
    /**
     * Conversation workflows and their activities. Apart from messages because message activities wait on
     * conversation updates: on one queue, a full set of activity slots waiting on updates that need a slot
     * themselves would stall.
     */
    public static final String CONVERSATIONS = "steward-conversations";

    private TaskQueues() {
    }
}
