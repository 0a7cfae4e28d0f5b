package dev.steward.workflows.proactive;

import io.temporal.activity.ActivityInterface;

@ActivityInterface(namePrefix = "Proactive")
public interface ProactiveActivities {
    /** Settings, plan and connection checks: whether this run may post, and where. */
    PostPlan plan(String guildId);

    /** Writes a post about one of the topics that does not repeat the recent posts. */
    PostDraft write(String guildId, String runKey);

    /** Resolves the channel by name and sends the post (nonce from the run); fails without retry when no such channel. */
    String send(String guildId, String channelName, String content, String runKey);

    void record(PostRecord post);
}
