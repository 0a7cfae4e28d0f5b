package dev.steward.workflows.conversation;

/** A member's conversation in one channel (or thread) of a guild. */
public record ConversationKey(String guildId, String channelId, String userId) {
}
