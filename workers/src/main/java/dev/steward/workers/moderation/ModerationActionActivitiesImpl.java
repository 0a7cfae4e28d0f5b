package dev.steward.workers.moderation;

import dev.steward.workers.discord.DiscordActions;
import dev.steward.workers.discord.DiscordRouter;
import dev.steward.workers.discord.MentionGuard;
import dev.steward.workers.discord.Nonces;
import dev.steward.workflows.moderation.ModerationActionActivities;
import dev.steward.workflows.moderation.ModerationActionRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The moderation actions on Discord, each with its reason for the audit log. */
@Component
class ModerationActionActivitiesImpl implements ModerationActionActivities {
    /** Discord allows communication timeouts from one minute to 28 days. */
    static final int MAX_TIMEOUT_MINUTES = 28 * 24 * 60;
    private final DiscordRouter discord;

    ModerationActionActivitiesImpl(DiscordRouter discord) {
        this.discord = discord;
    }

    /** The bot that acts in the request's guild, or the sandbox when the message came from there. */
    private DiscordActions on(ModerationActionRequest r) {
        return discord.forGuild(r.guildId(), r.sandbox());
    }

    @Override
    public void deleteMessage(ModerationActionRequest r) {
        on(r).deleteMessage(r.guildId(), r.channelId(), r.messageId(), r.reason());
    }

    @Override
    public void warnMember(ModerationActionRequest r) {
        on(r).warn(r.guildId(), r.channelId(), r.messageId(),
                MentionGuard.defuse("⚠️ This message breaks the server rules: " + r.reason()), Nonces.of(r.nonceSeed(), 0));
    }

    @Override
    public void timeoutMember(ModerationActionRequest r) {
        int minutes = Math.max(1, Math.min(MAX_TIMEOUT_MINUTES, r.timeoutMinutes()));
        on(r).timeoutMember(r.guildId(), r.userId(), Duration.ofMinutes(minutes), r.reason());
    }

    @Override
    public void kickMember(ModerationActionRequest r) {
        on(r).kickMember(r.guildId(), r.userId(), r.reason());
    }

    @Override
    public void banMember(ModerationActionRequest r) {
        on(r).banMember(r.guildId(), r.userId(), r.reason());
    }
}
