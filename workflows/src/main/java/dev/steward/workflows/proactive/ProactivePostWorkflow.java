package dev.steward.workflows.proactive;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One run writes and sends one post; as a cron workflow it runs on the guild's schedule. */
@WorkflowInterface
public interface ProactivePostWorkflow {
    @WorkflowMethod
    PostOutcome post(String guildId);

    static String cronWorkflowId(String guildId) {
        return "proactive-" + guildId;
    }
}
