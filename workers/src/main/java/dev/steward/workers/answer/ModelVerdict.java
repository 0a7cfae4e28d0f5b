package dev.steward.workers.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model's structured reply: answer or skip (smart mode decides in the same call that drafts the answer),
 * the answer text, the passages it used, by number, and whether the member asks for a person.
 */
record ModelVerdict(boolean skip, String answer, String reason, List<Integer> sources, boolean human) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Empty when the output is not the JSON object that was asked for. */
    static Optional<ModelVerdict> parse(String output) {
        try {
            JsonNode node = JSON.readTree(output);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            boolean skip = "skip".equalsIgnoreCase(node.path("action").asText(""));
            String answer = node.path("answer").asText("").strip();
            if (!skip && answer.isEmpty()) {
                return Optional.empty();
            }
            List<Integer> sources = new ArrayList<>();
            node.path("sources").forEach(s -> {
                String digits = s.asText("").replaceAll("\\D", "");
                if (!digits.isEmpty() && digits.length() < 4) {
                    sources.add(Integer.parseInt(digits));
                }
            });
            return Optional.of(new ModelVerdict(skip, answer, node.path("reason").asText(""), sources,
                    node.path("human").asBoolean(false)));
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }
}
