package dev.steward.core.retention;

import dev.steward.core.conversation.ConversationClient;
import dev.steward.core.guild.Guild;
import dev.steward.core.proactive.ProactiveSchedules;
import org.springframework.stereotype.Component;

/**
 * Disconnecting a guild: what runs for it ends first (a conversation workflow holds recent turns in memory
 * and would write them back; the proactive schedule would post and record runs), then its rows go.
 */
@Component
public class GuildData {
    private final RetentionStore store;
    private final ConversationClient conversations;
    private final ProactiveSchedules schedules;

    GuildData(RetentionStore store, ConversationClient conversations, ProactiveSchedules schedules) {
        this.store = store;
        this.conversations = conversations;
        this.schedules = schedules;
    }

    public RetentionStore.GuildDeletion disconnect(Guild guild) {
        conversations.end(store.openConversationsOf(guild.discordGuildId()), "guild disconnected");
        schedules.stop(guild.discordGuildId());
        return store.deleteGuild(guild);
    }
}
