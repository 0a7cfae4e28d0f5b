package dev.steward.workers.discord;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything the bot does on Discord. Implemented on Discord4J's REST client, and by a sandbox that records
 * actions when no bot token is configured. Failures that retrying cannot fix are thrown as non-retryable
 * Temporal application failures; everything else is retried by the calling activity.
 */
public interface DiscordActions {
    /** Posts a message and returns its id; a repeated nonce returns the first post's id. */
    String sendMessage(OutgoingMessage message);

    /** Done as well when the message is already gone. */
    void deleteMessage(String guildId, String channelId, String messageId, String reason);

    /** Communication timeout, 1 minute to 28 days (Discord's limits). */
    void timeoutMember(String guildId, String userId, Duration duration, String reason);

    /** Done as well when the member has already left. */
    void kickMember(String guildId, String userId, String reason);

    void banMember(String guildId, String userId, String reason);

    /** Replaces the deferred response of an interaction (/ask) with the answer. */
    void editInteractionResponse(String applicationId, String interactionToken, String content);

    /** The id of a text channel of the guild by name (without '#', any case), if there is one. */
    Optional<String> findTextChannel(String guildId, String name);

    /** A warning is a visible reply to the offending message. */
    default String warn(String guildId, String channelId, String messageId, String text, String nonce) {
        return sendMessage(new OutgoingMessage(guildId, channelId, text, messageId, nonce));
    }
}
