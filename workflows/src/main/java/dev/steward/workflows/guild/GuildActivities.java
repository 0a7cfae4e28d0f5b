package dev.steward.workflows.guild;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface GuildActivities {
    GuildContext loadContext(String guildId);
}
