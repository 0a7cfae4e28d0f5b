package dev.steward.workers.discord;

import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.ReplyRequest;
import dev.steward.workflows.discord.SentReply;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class DiscordActivitiesImpl implements DiscordActivities {
    private final DiscordRouter discord;

    DiscordActivitiesImpl(DiscordRouter discord) {
        this.discord = discord;
    }

    /**
     * Posts the reply in parts (or, for /ask, edits the deferred response with the first part) of at most 2,000 characters, the first one referencing the member's message.
     * A retry after a partial success posts only the parts not yet posted ({@link PostedParts}), each with the
     * same nonce as before.
     */
    @Override
    public SentReply sendReply(ReplyRequest request) {
        List<String> parts = MessageSplitter.split(MentionGuard.defuse(request.content()), MessageSplitter.DISCORD_LIMIT);
        DiscordActions actions = discord.forGuild(request.guildId(), request.sandbox());
        if (request.interaction() != null) {
            // Editing the original response is idempotent: a retried edit writes the same text again.
            actions.editInteractionResponse(request.interaction().applicationId(), request.interaction().token(),
                    parts.isEmpty() ? "…" : parts.get(0));
            return new SentReply(List.of("@original"));
        }
        return new SentReply(PostedParts.post(actions, request.guildId(), request.channelId(), parts,
                request.replyToMessageId(), request.nonceSeed()));
    }
}
