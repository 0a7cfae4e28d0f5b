package dev.steward.workers.moderation;

import dev.steward.core.moderation.GuildHealth;
import dev.steward.core.moderation.ModerationLogStore;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.moderation.ModerationAction;
import dev.steward.workflows.moderation.ModerationLogEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** Writes log entries and keeps the guild's permission health in step with what Discord allowed. */
@Component
class ModerationLogWriter {
    /** The Discord permission each action needs, as the Developer Portal and server settings name it. */
    static final Map<ModerationAction, String> PERMISSIONS = Map.of(
            ModerationAction.DELETE, "Manage Messages", ModerationAction.WARN, "Send Messages",
            ModerationAction.TIMEOUT, "Moderate Members", ModerationAction.KICK, "Kick Members",
            ModerationAction.BAN, "Ban Members");

    private final ModerationLogStore store;
    private final GuildHealth health;

    ModerationLogWriter(ModerationLogStore store, GuildHealth health) {
        this.store = store;
        this.health = health;
    }

    void write(ModerationLogEntry entry) {
        IncomingMessage m = entry.message();
        Instant at = Instant.ofEpochMilli(entry.atMillis());
        store.append(new ModerationLogStore.NewEntry(entry.accountId(), m.guildId(), m.channelId(), m.authorId(),
                m.authorName(), m.messageId(), entry.messageKey(), m.content(), entry.decision().rule(),
                entry.action().name(), entry.decision().reason(), entry.decision().confidence(),
                entry.decision().source().name(), entry.failure(), at));
        String permission = PERMISSIONS.get(entry.action());
        if (entry.failure().contains("HTTP 403")) {
            health.missing(m.guildId(), permission, entry.failure(), at);
        } else if (entry.failure().isEmpty()) {
            health.granted(m.guildId(), permission);
        }
    }
}
