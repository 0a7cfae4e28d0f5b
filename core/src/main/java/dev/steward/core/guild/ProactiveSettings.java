package dev.steward.core.guild;

import dev.steward.workflows.proactive.PostFrequency;

import java.util.List;

/** A guild's proactive posts, stored with the guild (columns {@code proactive_*}). Topics: one per line. */
public record ProactiveSettings(boolean enabled, String channelName, PostFrequency frequency, String topics) {

    public static ProactiveSettings defaults() {
        return new ProactiveSettings(false, "general", PostFrequency.DAILY, "");
    }

    public List<String> topicList() {
        return ModerationSettings.entries(topics.replace(",", "\n"));
    }
}
