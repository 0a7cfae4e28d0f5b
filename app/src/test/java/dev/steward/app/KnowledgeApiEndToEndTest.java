package dev.steward.app;

import dev.steward.core.knowledge.KnowledgeStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge API through the running app: ingestion runs as a workflow, pages come from WireMock. */
class KnowledgeApiEndToEndTest extends EndToEndBase {
    @LocalServerPort int port;
    @Autowired KnowledgeStore store;
    Http http;
    String admin;
    long accountId;

    @BeforeEach
    void newAccount() {
        http = new Http(port);
        admin = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Docs\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        accountId = http.ok("GET", "/api/account", admin, null).get("id").asLong();
    }

    long add(String title, String contentType, String content) {
        return http.ok("POST", "/api/knowledge/documents", admin, "{\"title\":" + Http.json(title) + ",\"contentType\":\""
                + contentType + "\",\"content\":" + Http.json(content) + "}").get("id").asLong();
    }

    @Test
    void htmlMarkdownAndQuestionAnswerPairsAreIngestedIntoChunks() {
        long html = add("Shipping", "text/html", "<html><body><h1>Shipping</h1><p>Orders ship within 2 days.</p>"
                + "<h2>Returns</h2><p>Returns are free for 60 days.</p><script>track()</script></body></html>");
        long qa = http.ok("POST", "/api/knowledge/qa", admin,
                "{\"question\":\"Do you ship to Iceland?\",\"answer\":\"Yes, in 5 days.\"}").get("id").asLong();

        assertThat(KnowledgeWait.untilReady(http, admin, html).get("chunks").asInt()).isEqualTo(2);
        assertThat(KnowledgeWait.untilReady(http, admin, qa).get("chunks").asInt()).isEqualTo(1);
        assertThat(store.chunks(accountId)).extracting(c -> c.heading() + ": " + c.content()).contains(
                "Shipping: Orders ship within 2 days.", "Shipping > Returns: Returns are free for 60 days.",
                ": Q: Do you ship to Iceland?\nA: Yes, in 5 days.");
        assertThat(http.ok("GET", "/api/knowledge/documents", admin, null)).hasSize(2);
    }

    @Test
    void replacingADocumentReplacesItsChunksAndDeletingRemovesThem() {
        long doc = add("Office", "text/plain", "The office cat is called Biscuit.");
        KnowledgeWait.untilReady(http, admin, doc);
        JsonNode replaced = http.ok("PUT", "/api/knowledge/documents/" + doc, admin,
                "{\"title\":\"Office\",\"contentType\":\"text/plain\",\"content\":\"The office dog is called Pixel.\"}");
        assertThat(replaced.get("revision").asInt()).isEqualTo(2);
        KnowledgeWait.untilReady(http, admin, doc);
        assertThat(store.chunks(accountId)).singleElement().satisfies(c -> assertThat(c.content()).contains("Pixel"));

        assertThat(http.call("DELETE", "/api/knowledge/documents/" + doc, admin, null).status()).isEqualTo(204);
        assertThat(store.chunks(accountId)).isEmpty();
        assertThat(http.call("GET", "/api/knowledge/documents/" + doc, admin, null).status()).isEqualTo(404);
    }

    @Test
    void aPageIsFetchedByUrlWithItsTitle() {
        discord.stubFor(get(urlPathEqualTo("/docs/faq")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>FAQ</title></head><body><h2>Hours</h2><p>We are open 9 to 5.</p></body></html>")));
        long doc = http.ok("POST", "/api/knowledge/fetch", admin, "{\"url\":\"" + discord.baseUrl() + "/docs/faq\"}")
                .get("id").asLong();

        JsonNode ready = KnowledgeWait.untilReady(http, admin, doc);
        assertThat(ready.get("title").asString()).isEqualTo("FAQ");
        assertThat(ready.get("kind").asString()).isEqualTo("HTML");
        assertThat(store.chunks(accountId)).singleElement().satisfies(c -> assertThat(c.content()).isEqualTo("We are open 9 to 5."));
    }

    @Test
    void unreachableAndMissingPagesFailWithTheReasonAndLeaveNothingBehind() {
        long missing = http.ok("POST", "/api/knowledge/fetch", admin,
                "{\"url\":\"" + discord.baseUrl() + "/docs/missing\",\"title\":\"Gone\"}").get("id").asLong();
        long unreachable = http.ok("POST", "/api/knowledge/fetch", admin,
                "{\"url\":\"http://127.0.0.1:9/nothing-listens-here\",\"title\":\"Down\"}").get("id").asLong();

        JsonNode notFound = KnowledgeWait.untilDone(http, admin, missing);
        assertThat(notFound.get("status").asString()).isEqualTo("FAILED");
        assertThat(notFound.get("failureReason").asString()).contains("HTTP 404");
        JsonNode down = KnowledgeWait.untilDone(http, admin, unreachable);
        assertThat(down.get("status").asString()).isEqualTo("FAILED");
        assertThat(down.get("failureReason").asString()).contains("Could not fetch", "127.0.0.1:9");
        assertThat(store.chunks(accountId)).isEmpty();
    }

    @Test
    void badUploadsAreRefusedBeforeAnythingIsStored() {
        assertThat(http.call("POST", "/api/knowledge/documents", admin,
                "{\"title\":\"Empty\",\"contentType\":\"text/plain\",\"content\":\"  \"}").status()).isEqualTo(400);
        assertThat(http.call("POST", "/api/knowledge/documents", admin,
                "{\"title\":\"PDF\",\"contentType\":\"application/pdf\",\"content\":\"%PDF-1.4\"}").status()).isEqualTo(415);
        assertThat(http.call("POST", "/api/knowledge/documents", admin, "{\"title\":\"Huge\",\"contentType\":\"text/plain\","
                + "\"content\":\"" + "x".repeat(1_000_001) + "\"}").status()).isEqualTo(413);
        assertThat(http.call("POST", "/api/knowledge/fetch", admin, "{\"url\":\"file:///etc/passwd\"}").status())
                .isEqualTo(400);
        assertThat(http.ok("GET", "/api/knowledge/documents", admin, null)).isEmpty();
    }

    @Test
    void anotherAccountsDocumentIsNotFound() {
        long doc = add("Private", "text/plain", "Internal only.");
        String stranger = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Other\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        assertThat(http.call("GET", "/api/knowledge/documents/" + doc, stranger, null).status()).isEqualTo(404);
        assertThat(http.call("DELETE", "/api/knowledge/documents/" + doc, stranger, null).status()).isEqualTo(404);
    }
}
