package dev.steward.workers.proactive;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.steward.workers.knowledge.MiniLmEmbeddingModel;
import dev.steward.workflows.proactive.PostDraft;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer with a scripted model and the real in-process embedding model. */
class PostWriterTest {
    static final MiniLmEmbeddingModel EMBEDDINGS = new MiniLmEmbeddingModel();
    static final String RECENT = "Tip: you can roll back any deployment instantly from the Deployments tab.";

    /** A model that answers with the given drafts in turn and keeps the prompts it saw. */
    static final class ScriptedModel implements ChatModel {
        final Iterator<String> drafts;
        final List<String> prompts = new ArrayList<>();

        ScriptedModel(String... drafts) {
            this.drafts = List.of(drafts).iterator();
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            prompts.add(request.messages().toString());
            return ChatResponse.builder().aiMessage(AiMessage.from(drafts.next())).build();
        }
    }

    @Test
    void aDraftTooCloseToARecentPostIsRewrittenOnce() {
        ScriptedModel model = new ScriptedModel(RECENT, "Question for you all: which region do you deploy to, and why?");
        PostDraft draft = new PostWriter(model, EMBEDDINGS, 0.9).write("Acme", "deployments", List.of(RECENT));

        assertThat(draft.skip()).isFalse();
        assertThat(draft.content()).startsWith("Question for you all");
        assertThat(model.prompts).hasSize(2);
        assertThat(model.prompts.get(0)).contains("must not repeat", RECENT);
        assertThat(model.prompts.get(1)).contains("clearly different angle");
    }

    /** The post is stored with its run, and PostgreSQL refuses NUL. */
    @Test
    void controlCharactersInADraftAreDropped() {
        PostDraft draft = new PostWriter(new ScriptedModel("Which\u0000 region do you\u0007 deploy to?"), EMBEDDINGS, 0.9)
                .write("Acme", "deployments", List.of());
        assertThat(draft.content()).isEqualTo("Which region do you deploy to?");
    }

    @Test
    void twoDraftsTooCloseAreSkipped() {
        ScriptedModel model = new ScriptedModel(RECENT, RECENT.replace("Tip:", "Tip of the day:"));
        PostDraft draft = new PostWriter(model, EMBEDDINGS, 0.9).write("Acme", "deployments", List.of(RECENT));
        assertThat(draft.skip()).isTrue();
        assertThat(draft.reason()).isEqualTo("too similar to a recent post");
    }
}
