package dev.steward.core.guild;

import dev.steward.workflows.guild.ResponseMode;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A Discord guild connected to an account, with its settings. */
@Table
public record Guild(@Id Long id, String discordGuildId, long accountId, Long botId, String name,
                    ResponseMode responseMode, boolean smartMode, boolean channelAwareness,
                    String allowedChannelIds, int takeoverTimeoutSeconds, Instant connectedAt, Instant updatedAt,
                    @Embedded.Empty(prefix = "mod_") ModerationSettings moderation,
                    @Embedded.Empty(prefix = "proactive_") ProactiveSettings proactive) {

    /** The AI takes a conversation back after this much agent inactivity, unless the guild says otherwise. */
    public static final int DEFAULT_TAKEOVER_TIMEOUT_SECONDS = 180;

    public static Guild connect(String discordGuildId, long accountId, String name, Instant now) {
        return new Guild(null, discordGuildId, accountId, null, name, ResponseMode.MENTION, true, false, "",
                DEFAULT_TAKEOVER_TIMEOUT_SECONDS, now, now, ModerationSettings.defaults(), ProactiveSettings.defaults());
    }

    public Guild withSettings(ResponseMode mode, boolean smart, boolean awareness, String allowedChannels,
                              int takeoverTimeout, Instant now) {
        return new Guild(id, discordGuildId, accountId, botId, name, mode, smart, awareness, allowedChannels,
                takeoverTimeout, connectedAt, now, moderation, proactive);
    }

    public Guild withModeration(ModerationSettings settings, Instant now) {
        return new Guild(id, discordGuildId, accountId, botId, name, responseMode, smartMode, channelAwareness,
                allowedChannelIds, takeoverTimeoutSeconds, connectedAt, now, settings, proactive);
    }

    public Guild withProactive(ProactiveSettings settings, Instant now) {
        return new Guild(id, discordGuildId, accountId, botId, name, responseMode, smartMode, channelAwareness,
                allowedChannelIds, takeoverTimeoutSeconds, connectedAt, now, moderation, settings);
    }
}
