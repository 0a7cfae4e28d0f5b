package dev.steward.api.interactions;

import dev.steward.workflows.message.IncomingMessage;
import tools.jackson.databind.JsonNode;

/** Opens the package-private /ask parsing to the fuzz test. */
public final class AskParsingAccess {
    private AskParsingAccess() {
    }

    public static IncomingMessage parse(JsonNode interaction) {
        AskParsing.Parsed parsed = AskParsing.parse(interaction);
        if ((parsed.message() == null) == (parsed.hint() == null)) {
            throw new AssertionError("exactly one of message and hint: " + parsed);
        }
        return parsed.message();
    }
}
