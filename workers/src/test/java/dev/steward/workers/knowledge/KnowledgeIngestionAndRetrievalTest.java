package dev.steward.workers.knowledge;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.DocumentStatus;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.core.knowledge.KnowledgeStore;
import dev.steward.testing.Fixtures;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workflows.knowledge.IngestRequest;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real PostgreSQL, the real in-process embedding model, the shipped handbook. */
@SpringBootTest(classes = KnowledgeTestApp.class, properties = "steward.knowledge.fetch-private-addresses=true") // pages on loopback
class KnowledgeIngestionAndRetrievalTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
    }

    @Autowired AccountRepository accounts;
    @Autowired KnowledgeDocumentRepository documents;
    @Autowired KnowledgeActivitiesImpl knowledge;
    @Autowired KnowledgeStore store;
    @Autowired Retriever retriever;
    static long account;

    @BeforeEach
    void handbook() {
        if (account == 0) {
            account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I forgot my password, how do I get a new one? | Resetting your password",
            "Can I get my money back on a yearly subscription? | Refund policy",
            "how do I undo a bad deploy | Rolling back a deployment",
            "too many connections error from serverless functions | Connection limits",
            "do you support Okta SSO | Single sign-on"})
    void theChunkThatAnswersIsInTheTopThree(String question, String heading) {
        List<Passage> top = retriever.search(account, question, 3);
        assertThat(top).extracting(Passage::heading).anySatisfy(h -> assertThat(h).endsWith(heading));
        assertThat(top.get(0).title()).isEqualTo("Acme Cloud Handbook");
    }

    @Test
    void headingsAndParagraphsMakeChunksWithTheirHeadingPath() {
        List<String> headings = store.chunks(account).stream().map(c -> c.heading()).toList();
        assertThat(headings).contains("Acme Cloud Handbook > Billing > Refund policy",
                "Acme Cloud Handbook > Domains > SSL certificates");
    }

    @Test
    void offTopicMessagesFindNothingRelevant() {
        List<String> offTopic = Fixtures.text(Fixtures.OFF_TOPIC).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(offTopic).allSatisfy(message -> assertThat(retriever.relevant(account, message, 3))
                .as(message).extracting(p -> p.heading() + " " + p.vectorScore()).isEmpty());
        assertThat(retriever.relevant(account, "how do I reset my password", 3)).isNotEmpty();
    }

    @Test
    void reingestingReplacesTheChunksAndAnOvertakenRevisionWritesNothing() {
        long other = accounts.save(dev.steward.core.account.Account.create("B", dev.steward.core.account.Plan.PRO, "",
                Instant.now())).id();
        KnowledgeDocument doc = documents.save(KnowledgeDocument.pending(other, "FAQ", null, DocumentKind.TEXT,
                "Our office cat is called Biscuit.", Instant.now()));
        assertThat(knowledge.ingest(new IngestRequest(doc.id(), 1, false))).isEqualTo(1);
        KnowledgeDocument replaced = documents.save(documents.findById(doc.id()).orElseThrow()
                .replacedBy("FAQ", null, DocumentKind.TEXT, "The office dog is called Pixel.", Instant.now()));

        assertThat(knowledge.ingest(new IngestRequest(doc.id(), 1, false))).isEqualTo(-1);
        assertThat(knowledge.ingest(new IngestRequest(doc.id(), replaced.revision(), false))).isEqualTo(1);
        assertThat(store.chunks(other)).singleElement().satisfies(c -> assertThat(c.content()).contains("Pixel"));
        assertThat(documents.findById(doc.id()).orElseThrow().status()).isEqualTo(DocumentStatus.READY);
    }

    /** PostgreSQL refuses NUL in text, and the title column holds 300 characters. */
    @Test
    void aFetchedPageWithNulAndALongTitleIsStored() {
        WireMockServer site = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        site.start();
        try {
            site.stubFor(get("/deploys").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody("<html><head><title>" + "T".repeat(400) + "</title></head><body><h1>Deploys</h1>"
                            + "<p>Roll back\u0000 from the Deployments tab.</p></body></html>")));
            long other = accounts.save(dev.steward.core.account.Account.create("D", dev.steward.core.account.Plan.PRO,
                    "", Instant.now())).id();
            KnowledgeDocument doc = documents.save(KnowledgeDocument.pending(other, "", site.baseUrl() + "/deploys",
                    DocumentKind.URL, "", Instant.now()));

            knowledge.fetchPage(new IngestRequest(doc.id(), 1, false));

            assertThat(documents.findById(doc.id()).orElseThrow()).satisfies(d -> {
                assertThat(d.title()).isEqualTo("T".repeat(300));
                assertThat(d.content()).contains("<p>Roll back from the Deployments tab.</p>");
            });
            assertThat(knowledge.ingest(new IngestRequest(doc.id(), 1, false))).isEqualTo(1);
        } finally {
            site.stop();
        }
    }

    @Test
    void aFailedIngestionLeavesNoChunksBehind() {
        long other = accounts.save(dev.steward.core.account.Account.create("C", dev.steward.core.account.Plan.PRO, "",
                Instant.now())).id();
        KnowledgeDocument doc = documents.save(KnowledgeDocument.pending(other, "Empty", null, DocumentKind.HTML,
                "<html><body><script>x()</script></body></html>", Instant.now()));

        assertThatThrownBy(() -> knowledge.ingest(new IngestRequest(doc.id(), 1, false)))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
        knowledge.fail(new IngestRequest(doc.id(), 1, false), "The document has no text to index");
        assertThat(documents.findById(doc.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DocumentStatus.FAILED);
            assertThat(d.failureReason()).contains("no text");
        });
        assertThat(store.chunks(other)).isEmpty();
    }
}
