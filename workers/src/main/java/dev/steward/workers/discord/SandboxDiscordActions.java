package dev.steward.workers.discord;

import dev.steward.core.sandbox.SandboxActionStore;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sandbox Discord for local mode without a bot token: actions are recorded in the database, where the
 * sandbox API shows them. Nonces are honoured like Discord's enforce_nonce.
 */
public class SandboxDiscordActions implements DiscordActions {
    private static final long DISCORD_EPOCH = 1420070400000L;
    private final SandboxActionStore store;
    private final AtomicLong sequence = new AtomicLong();

    public SandboxDiscordActions(SandboxActionStore store) {
        this.store = store;
    }

    @Override
    public String sendMessage(OutgoingMessage m) {
        return store.record(m.guildId(), m.channelId(), "MESSAGE", nextSnowflake(), m.replyToMessageId(), m.content(),
                m.nonce());
    }

    @Override
    public void deleteMessage(String guildId, String channelId, String messageId, String reason) {
        store.record(guildId, channelId, "DELETE", messageId, messageId, reason, null);
    }

    @Override
    public void timeoutMember(String guildId, String userId, Duration duration, String reason) {
        store.record(guildId, "", "TIMEOUT", userId, null, duration + ": " + reason, null);
    }

    @Override
    public void kickMember(String guildId, String userId, String reason) {
        store.record(guildId, "", "KICK", userId, null, reason, null);
    }

    @Override
    public void banMember(String guildId, String userId, String reason) {
        store.record(guildId, "", "BAN", userId, null, reason, null);
    }

    @Override
    public void editInteractionResponse(String applicationId, String interactionToken, String content) {
        store.record("", "", "INTERACTION_EDIT", nextSnowflake(), null, content, "edit-" + interactionToken);
    }

    /** Sandbox guilds have every channel one asks for: the channel's id is its name. */
    @Override
    public Optional<String> findTextChannel(String guildId, String name) {
        return Optional.of(name);
    }

    /** Snowflake-shaped ids (time since Discord's epoch, then a counter), so they sort like real ones. */
    private String nextSnowflake() {
        return Long.toString(((System.currentTimeMillis() - DISCORD_EPOCH) << 22) | (sequence.incrementAndGet() & 0x3FFFFF));
    }
}
