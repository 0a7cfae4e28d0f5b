package dev.steward.workers.moderation;

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

    @Override
    public void deleteMessage(ModerationActionRequest r) {
        discord.forGuild(r.guildId()).deleteMessage(r.guildId(), r.channelId(), r.messageId(), r.reason());
    }

    @Override
    public void warnMember(ModerationActionRequest r) {
        discord.forGuild(r.guildId()).warn(r.guildId(), r.channelId(), r.messageId(),
                MentionGuard.defuse("⚠️ This message breaks the server rules: " + r.reason()), Nonces.of(r.nonceSeed(), 0));
    }

    @Override
    public void timeoutMember(ModerationActionRequest r) {
        int minutes = Math.max(1, Math.min(MAX_TIMEOUT_MINUTES, r.timeoutMinutes()));
        discord.forGuild(r.guildId()).timeoutMember(r.guildId(), r.userId(), Duration.ofMinutes(minutes), r.reason());
    }

    @Override
    public void kickMember(ModerationActionRequest r) {
        discord.forGuild(r.guildId()).kickMember(r.guildId(), r.userId(), r.reason());
    }

    @Override
    public void banMember(ModerationActionRequest r) {
        discord.forGuild(r.guildId()).banMember(r.guildId(), r.userId(), r.reason());
    }
}
