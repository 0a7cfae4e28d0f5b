package dev.steward.workers.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.Texts;
import dev.steward.workflows.moderation.ModerationAction;

import java.util.Locale;
import java.util.Optional;

/** The model's strict JSON verdict. Anything that is not exactly that is no verdict (and no action). */
record AiVerdict(boolean violated, String rule, String severity, ModerationAction action, String reason,
                 double confidence) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Optional<AiVerdict> parse(String output) {
        try {
            JsonNode node = JSON.readTree(output == null ? "" : output);
            if (node == null || !node.isObject() || !node.path("violated").isBoolean()) {
                return Optional.empty();
            }
            boolean violated = node.get("violated").asBoolean();
            String actionText = node.path("action").asText("none").strip().toUpperCase(Locale.ROOT);
            ModerationAction action = ModerationAction.valueOf(actionText.isEmpty() ? "NONE" : actionText);
            JsonNode confidence = node.path("confidence");
            if (violated && (!confidence.isNumber() || confidence.asDouble() < 0 || confidence.asDouble() > 1)) {
                return Optional.empty();
            }
            return Optional.of(new AiVerdict(violated, text(node, "rule"), text(node, "severity"),
                    violated ? action : ModerationAction.NONE, text(node, "reason"), confidence.asDouble(0)));
        } catch (Exception invalid) {
            return Optional.empty();
        }
    }

    /** The model's words go to the moderation log and Discord's audit log: no NUL, which PostgreSQL refuses. */
    private static String text(JsonNode node, String field) {
        return Texts.clean(node.path(field).asText(""));
    }
}
