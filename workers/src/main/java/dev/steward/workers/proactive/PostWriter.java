package dev.steward.workers.proactive;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.steward.workflows.Texts;
import dev.steward.workflows.proactive.PostDraft;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Writes a proactive post with the model. The recent posts go into the prompt; a draft too similar to one of
 * them by embedding similarity is written again once, then skipped.
 */
@Component
class PostWriter {
    static final String SYSTEM = """
            You write one short, friendly post for the Discord community "%s": a tip, a feature highlight or a \
            question to the members about the topic given. At most 800 characters, Discord Markdown, no \
            @everyone or @here, no greeting like "Hello everyone". Reply with the post only.""";

    private final ChatModel model;
    private final EmbeddingModel embeddings;
    private final double maxSimilarity;

    PostWriter(ChatModel model, @Lazy EmbeddingModel embeddings,
               @Value("${steward.proactive.max-similarity:0.9}") double maxSimilarity) {
        this.model = model;
        this.embeddings = embeddings;
        this.maxSimilarity = maxSimilarity;
    }

    PostDraft write(String community, String topic, List<String> recent) {
        for (int attempt = 0; attempt < 2; attempt++) {
            String post = draft(community, topic, recent, attempt > 0);
            if (post.isBlank()) {
                return new PostDraft(true, "the model wrote nothing", topic, null);
            }
            if (mostSimilar(post, recent) < maxSimilarity) {
                return new PostDraft(false, "", topic, post);
            }
        }
        return new PostDraft(true, "too similar to a recent post", topic, null);
    }

    private String draft(String community, String topic, List<String> recent, boolean again) {
        StringBuilder ask = new StringBuilder("Topic: ").append(topic).append('\n');
        if (!recent.isEmpty()) {
            ask.append("Recent posts, which this one must not repeat:\n");
            recent.forEach(r -> ask.append("---\n").append(r).append('\n'));
        }
        if (again) {
            ask.append("Your last draft was too close to a recent post: take a clearly different angle.\n");
        }
        String text = model.chat(SystemMessage.from(SYSTEM.formatted(community)), UserMessage.from(ask.toString()))
                .aiMessage().text();
        // The post is stored with its run: NUL would fail that write (PostgreSQL refuses it).
        return text == null ? "" : Texts.clean(text).strip();
    }

    private double mostSimilar(String post, List<String> recent) {
        if (recent.isEmpty()) {
            return 0;
        }
        float[] p = embeddings.embed(post).content().vector();
        double best = 0;
        for (String r : recent) {
            float[] v = embeddings.embed(r).content().vector();
            double dot = 0;
            for (int i = 0; i < p.length; i++) {
                dot += p[i] * v[i];
            }
            best = Math.max(best, dot);
        }
        return best;
    }
}
