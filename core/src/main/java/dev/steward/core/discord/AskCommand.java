package dev.steward.core.discord;

import discord4j.discordjson.json.ApplicationCommandOptionData;
import discord4j.discordjson.json.ApplicationCommandRequest;

import java.util.List;

/** The slash commands Steward registers: {@code /ask question:<text>}. */
public final class AskCommand {
    private static final int STRING_OPTION = 3;

    private AskCommand() {
    }

    public static List<ApplicationCommandRequest> commands() {
        return List.of(ApplicationCommandRequest.builder()
                .name("ask")
                .description("Ask the assistant a question about this community")
                .addOption(ApplicationCommandOptionData.builder()
                        .type(STRING_OPTION).name("question").description("Your question").required(true).build())
                .build());
    }
}
