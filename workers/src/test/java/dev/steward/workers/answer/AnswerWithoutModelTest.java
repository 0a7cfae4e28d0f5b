package dev.steward.workers.answer;

import dev.steward.core.account.AccountRepository;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workers.knowledge.KnowledgeTestApp;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerRequest;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Local mode without Ollama: nothing listens at the model's address, the bot still answers from knowledge. */
@SpringBootTest(classes = AnswerWithoutModelTest.WithAnswers.class, properties = {
        "steward.ai.base-url=http://127.0.0.1:9", "steward.ai.fail-fast-when-unreachable=true"})
class AnswerWithoutModelTest {
    @Configuration
    @Import({KnowledgeTestApp.class, AnswerActivitiesImpl.class, ModelConfiguration.class})
    static class WithAnswers {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
    }

    @Autowired AnswerActivitiesImpl answers;
    @Autowired AccountRepository accounts;
    @Autowired KnowledgeDocumentRepository documents;
    @Autowired KnowledgeActivities knowledge;

    AnswerRequest ask(long account, String question) {
        return new AnswerRequest(account, new ConversationKey("g", "c", "u" + System.nanoTime()), "k", "alice", question);
    }

    @Test
    void relevantQuestionGetsTheBestPassageMarkedAsAnExcerpt() {
        long account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        Answer answer = answers.generate(ask(account, "how do I reset my password?"));

        assertThat(answer.withoutModel()).isTrue();
        assertThat(answer.text()).startsWith("Here is an excerpt from the knowledge base")
                .contains("Resetting your password", "> Open Settings, then Account");
    }

    @Test
    void unknownQuestionGetsIDontKnowAndAHumanOffer() {
        long account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        Answer answer = answers.generate(ask(account, "what is the capital of Mongolia?"));

        assertThat(answer.withoutModel()).isTrue();
        assertThat(answer.text()).isEqualTo(AnswerActivitiesImpl.NO_KNOWLEDGE_REPLY);
    }
}
