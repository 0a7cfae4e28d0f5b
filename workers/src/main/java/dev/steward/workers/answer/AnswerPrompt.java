package dev.steward.workers.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.steward.core.conversation.StoredTurn;
import dev.steward.workflows.conversation.TurnRole;

import java.util.ArrayList;
import java.util.List;

/** Builds the messages the model sees: instructions, the member's recent turns, the question. */
final class AnswerPrompt {
    static final String SYSTEM = """
            You are Steward, the support assistant of a Discord community. Answer the member's question \
            helpfully and concisely, in the language they wrote in, using Discord Markdown. If you do not \
            know the answer, say so plainly and offer to bring in a human; never invent facts. Never mention \
            @everyone, @here or roles.""";

    private AnswerPrompt() {
    }

    static List<ChatMessage> build(List<StoredTurn> history, String authorName, String question, int maxChars) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(SYSTEM));
        for (StoredTurn turn : history) {
            String text = clip(turn.content(), maxChars);
            messages.add(turn.role() == TurnRole.MEMBER ? UserMessage.from(text) : AiMessage.from(text));
        }
        messages.add(UserMessage.from(authorName + " asks: " + clip(question, maxChars)));
        return messages;
    }

    /** Long messages are cut so one member cannot blow the context window (or the bill). */
    static String clip(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + " [...]";
    }
}
