package dev.steward.workers.answer;

import dev.steward.workers.knowledge.Passage;

/** The best passage, clearly marked as a quote from the knowledge base, for when the model is unreachable. */
final class Excerpt {
    static final int MAX_CHARS = 1200;

    private Excerpt() {
    }

    static String of(Passage passage) {
        String content = AnswerPrompt.clip(passage.content(), MAX_CHARS);
        return "Here is an excerpt from the knowledge base (**" + passage.label() + "**), not an AI answer:\n> "
                + content.replace("\n", "\n> ");
    }
}
