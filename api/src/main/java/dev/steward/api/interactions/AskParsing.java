package dev.steward.api.interactions;

import dev.steward.workflows.message.AskNotes;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.InteractionRef;
import dev.steward.workflows.message.MessageSource;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** Reads an /ask interaction: the question as a message, or a hint for the member when there is none. */
final class AskParsing {
    static final String NOT_IN_SERVER = "/ask works in servers, not in direct messages.";
    static final String EMPTY_QUESTION = AskNotes.EMPTY_QUESTION;

    private AskParsing() {
    }

    /** Exactly one of the two is set. */
    record Parsed(IncomingMessage message, String hint) {
    }

    static Parsed parse(JsonNode interaction) {
        String guildId = interaction.path("guild_id").asString("");
        if (guildId.isEmpty()) {
            return new Parsed(null, NOT_IN_SERVER);
        }
        JsonNode user = interaction.path("member").path("user");
        String question = "";
        for (JsonNode option : interaction.path("data").path("options")) {
            if ("question".equals(option.path("name").asString(""))) {
                question = option.path("value").asString("");
            }
        }
        if (question.isBlank()) {
            return new Parsed(null, EMPTY_QUESTION);
        }
        return new Parsed(new IncomingMessage(MessageSource.ASK, guildId, interaction.path("channel_id").asString(""),
                interaction.path("id").asString(""), user.path("id").asString(""),
                user.path("global_name").asString(user.path("username").asString("member")), false, question, false,
                false, 0, List.of(), 0, new InteractionRef(interaction.path("application_id").asString(""),
                interaction.path("token").asString(""))), null);
    }
}
