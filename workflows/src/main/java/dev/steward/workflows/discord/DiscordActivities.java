package dev.steward.workflows.discord;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface DiscordActivities {
    SentReply sendReply(ReplyRequest request);
}
