package dev.steward.bridge;

import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.InteractionRef;
import dev.steward.workflows.message.MessageSource;
import discord4j.common.util.Snowflake;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.object.command.Interaction;
import discord4j.core.object.entity.User;

import java.util.List;
import java.util.Optional;

/** Maps a gateway /ask interaction to the same workflow input the interactions endpoint makes. */
final class AskInteractions {
    private AskInteractions() {
    }

    /** Empty for DMs and questions without text. */
    static Optional<IncomingMessage> toIncoming(ChatInputInteractionEvent event) {
        Interaction interaction = event.getInteraction();
        Optional<String> question = event.getOptionAsString("question").map(String::strip).filter(q -> !q.isEmpty());
        if (interaction.getGuildId().isEmpty() || question.isEmpty()) {
            return Optional.empty();
        }
        User user = interaction.getUser();
        return Optional.of(new IncomingMessage(MessageSource.ASK, interaction.getGuildId().get().asString(),
                interaction.getChannelId().asString(), interaction.getId().asString(), user.getId().asString(),
                user.getGlobalName().orElse(user.getUsername()), false, question.get(), false, false, 0,
                interaction.getMember().map(m -> m.getRoleIds().stream().map(Snowflake::asString).toList()).orElse(List.of()),
                0, new InteractionRef(interaction.getApplicationId().asString(), interaction.getToken())));
    }
}
