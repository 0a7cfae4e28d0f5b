package dev.steward.app;

import dev.steward.core.account.ApiKeys;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.core.moderation.ModerationLogStore;
import dev.steward.testing.discord.FakeDiscordRest;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every {@code /api/**} endpoint, called over HTTP by six callers, answers exactly the status
 * the README and {@code Caller} promise. The table must name every mapped endpoint, so a new endpoint without
 * an expectation fails here. Columns: the operator key, an admin and an agent of the account that owns the
 * resources, an admin of another account ("stranger"); no key and an unknown key are always 401.
 * "ok" means 2xx. Works on its own PRO accounts and guilds 8100000000000009xx, never on the shared ones.
 */
class AuthorizationMatrixTest extends EndToEndBase {
    static final String OPERATOR_KEY = "e2e-operator";
    static final String G = "810000000000000901";
    static final String THROWAWAY_GUILD = "810000000000000902";
    static final long CHANNEL_ID = 820000000000000901L;
    static final FakeUser MEMBER = FakeUser.human(830000000000000901L, "matrix-member");
    /** A member without data here: deleting "their data" changes nothing the other rows use. */
    static final String THROWAWAY_MEMBER = "830000000000000902";

    enum Who { NONE, WRONG, OPERATOR, STRANGER, AGENT, ADMIN }

    record Req(String path, String body) {
    }

    record Row(String endpoint, Map<Who, String> expected, Function<Who, Req> request, Consumer<Who> before) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }
    }

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired ModerationLogStore moderationLog;
    @Autowired ConversationStore conversationStore;
    Http http;

    static boolean ready;
    static long accountId;
    static long strangerId;
    static final Map<Who, String> keys = new EnumMap<>(Who.class);
    static long documentId;
    static long throwawayDocumentId;
    static long moderationEntryId;
    static long conversationId;

    @BeforeEach
    void accountsAndResources() {
        http = new Http(port);
        if (ready) {
            return;
        }
        JsonNode created = http.ok("POST", "/api/accounts", OPERATOR_KEY, "{\"name\":\"Matrix\",\"plan\":\"PRO\"}");
        accountId = created.get("account").get("id").asLong();
        String admin = created.get("adminKey").get("key").asString();
        keys.put(Who.ADMIN, admin);
        keys.put(Who.AGENT, http.ok("POST", "/api/accounts/" + accountId + "/keys", admin,
                "{\"role\":\"AGENT\",\"name\":\"matrix agent\"}").get("key").asString());
        keys.put(Who.STRANGER, http.ok("POST", "/api/accounts", OPERATOR_KEY, "{\"name\":\"Stranger\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString());
        strangerId = http.ok("GET", "/api/account", keys.get(Who.STRANGER), null).get("id").asLong();
        keys.put(Who.OPERATOR, OPERATOR_KEY);
        keys.put(Who.WRONG, ApiKeys.generate());

        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + G + "\",\"name\":\"Matrix\"}");
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + THROWAWAY_GUILD + "\",\"name\":\"Throwaway\"}");
        documentId = http.ok("POST", "/api/knowledge/qa", admin, "{\"question\":\"Matrix?\",\"answer\":\"Yes.\"}")
                .get("id").asLong();
        throwawayDocumentId = http.ok("POST", "/api/knowledge/qa", admin, "{\"question\":\"Gone?\",\"answer\":\"Soon.\"}")
                .get("id").asLong();
        moderationLog.append(new ModerationLogStore.NewEntry(accountId, G, Long.toString(CHANNEL_ID), Long.toString(MEMBER.id()),
                MEMBER.username(), "1", "matrix-entry", "buy cheap accounts", "No spam", "DELETE", "spam", 0.9, "AI", "",
                Instant.now()));
        moderationEntryId = http.ok("GET", "/api/guilds/" + G + "/moderation/log", admin, null)
                .get("entries").get(0).get("id").asLong();
        conversationId = conversationFromAMention(admin);
        discord.stubFor(get(urlPathEqualTo("/matrix/page")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Page</title></head><body><p>Matrix page.</p></body></html>")));
        ready = true;
    }

    long conversationFromAMention(String admin) {
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(Long.parseLong(G), CHANNEL_ID).author(MEMBER)
                .content(gateway.botUser().mention() + " how do I reset my password?").mentions(gateway.botUser());
        gateway.dispatchMessageCreate(mention);
        outcomeOf(Long.parseLong(G), mention.id());
        JsonNode conversations = http.ok("GET", "/api/conversations?guildId=" + G, admin, null);
        assertThat(conversations).as("the mention opened a conversation").hasSize(1);
        return conversations.get(0).get("id").asLong();
    }

    List<Row> table() {
        String account = "/api/accounts/" + accountId;
        String guild = "/api/guilds/" + G;
        String sandbox = "/api/sandbox/guilds/" + G;
        String log = guild + "/moderation/log/" + moderationEntryId;
        String documents = "/api/knowledge/documents";
        String document = "{\"title\":\"Matrix\",\"contentType\":\"text/plain\",\"content\":\"The matrix is green.\"}";
        String conversation = "/api/conversations/" + conversationId;
        return List.of(
                //  operator admin agent stranger
                row("ok  403 403 403", "POST /api/accounts", "/api/accounts", "{\"name\":\"By the matrix\",\"plan\":\"FREE\"}"),
                row("403 ok  ok  ok ", "GET /api/account", "/api/account", null),
                row("ok  ok  ok  404", "GET /api/accounts/{id}", account, null),
                row("ok  ok  403 404", "POST /api/accounts/{id}/keys", account + "/keys", "{\"role\":\"AGENT\",\"name\":\"m\"}"),
                row("ok  403 403 403", "PUT /api/accounts/{id}/plan", account + "/plan", "{\"plan\":\"PRO\"}"),
                row("403 ok  ok  ok ", "GET /api/account/retention", "/api/account/retention", null),
                row("403 ok  403 ok ", "PUT /api/account/retention", "/api/account/retention", "{\"days\":null}"),
                row("403 ok  ok  ok ", "GET /api/usage", "/api/usage", null),
                row("403 ok  ok  ok ", "GET /api/usage/periods", "/api/usage/periods", null),
                row("403 ok  403 ok ", "POST /api/guilds",
                        w -> new Req("/api/guilds", "{\"guildId\":\"" + newGuild(w) + "\",\"name\":\"New\"}"), w -> { }),
                row("403 ok  ok  ok ", "GET /api/guilds", "/api/guilds", null),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}", guild, null),
                row("403 ok  403 404", "PUT /api/guilds/{guildId}/settings", guild + "/settings", "{\"responseMode\":\"MENTION\"}"),
                row("403 ok  403 404", "DELETE /api/guilds/{guildId}", "/api/guilds/" + THROWAWAY_GUILD, null),
                // A bot token is configured in these tests: the sandbox is off (409), after the caller's rights.
                row("403 409 409 404", "POST /api/sandbox/guilds/{guildId}/messages", sandbox + "/messages", "{\"content\":\"hi\"}"),
                row("403 409 409 404", "GET /api/sandbox/guilds/{guildId}/actions", sandbox + "/actions", null),
                row("403 ok  403 ok ", "POST /api/knowledge/documents", documents, document),
                row("403 ok  403 ok ", "POST /api/knowledge/qa", "/api/knowledge/qa", "{\"question\":\"Q?\",\"answer\":\"A.\"}"),
                row("403 ok  403 ok ", "POST /api/knowledge/fetch", "/api/knowledge/fetch",
                        "{\"url\":\"" + discord.baseUrl() + "/matrix/page\"}"),
                row("403 ok  ok  ok ", "GET /api/knowledge/documents", documents, null),
                row("403 ok  ok  404", "GET /api/knowledge/documents/{id}", documents + "/" + documentId, null),
                row("403 ok  403 404", "PUT /api/knowledge/documents/{id}", documents + "/" + documentId, document),
                row("403 ok  403 404", "DELETE /api/knowledge/documents/{id}", documents + "/" + throwawayDocumentId, null),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}/moderation", guild + "/moderation", null),
                row("403 ok  403 404", "PUT /api/guilds/{guildId}/moderation", guild + "/moderation", moderationBody()),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}/moderation/log", guild + "/moderation/log", null),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}/moderation/log/{id}", log, null),
                row("403 ok  403 404", "POST /api/guilds/{guildId}/moderation/log/{id}/false-positive", log + "/false-positive", null),
                row("403 ok  403 404", "DELETE /api/guilds/{guildId}/members/{userId}", guild + "/members/" + THROWAWAY_MEMBER, null),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}/proactive", guild + "/proactive", null),
                row("403 ok  403 404", "PUT /api/guilds/{guildId}/proactive", guild + "/proactive",
                        "{\"enabled\":false,\"channelName\":\"general\",\"frequency\":\"DAILY\",\"topics\":[\"tips\"]}"),
                row("403 ok  ok  404", "GET /api/guilds/{guildId}/proactive/posts", guild + "/proactive/posts", null),
                // Proactive posts are disabled above, so "post now" records a skip: no model call, no Discord send.
                row("403 ok  403 404", "POST /api/guilds/{guildId}/proactive/posts", guild + "/proactive/posts", null),
                row("403 ok  ok  ok ", "GET /api/conversations", "/api/conversations", null),
                row("403 ok  ok  404", "GET /api/conversations/{id}", conversation, null),
                row("403 ok  ok  ok ", "GET /api/conversations/stream", "/api/conversations/stream", null),
                row("403 ok  ok  404", "POST /api/conversations/{id}/takeover",
                        w -> new Req(conversation + "/takeover", null), w -> release()),
                row("403 ok  ok  404", "POST /api/conversations/{id}/messages",
                        w -> new Req(conversation + "/messages", "{\"content\":\"An agent writes.\"}"), this::heldBy),
                row("403 ok  ok  404", "POST /api/conversations/{id}/release",
                        w -> new Req(conversation + "/release", null), this::heldBy),
                row("403 ok  403 ok ", "POST /api/bots", w -> new Req("/api/bots", botBody(w)), w -> { }),
                row("403 ok  ok  ok ", "GET /api/bots", "/api/bots", null),
                row("403 ok  403 404", "DELETE /api/bots/{id}", w -> new Req("/api/bots/" + botOf(Who.ADMIN), null), w -> { }));
    }

    @Test
    void everyApiEndpointHasARowInTheTable() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        mapped.add("ANY " + pattern);
                    }
                    methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                }));
        assertThat(mapped).as("mapped /api endpoints").hasSizeGreaterThan(30);
        assertThat(table().stream().map(Row::endpoint).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everyCallerGetsExactlyTheDocumentedStatus() {
        SoftAssertions softly = new SoftAssertions();
        try {
            for (Row row : table()) {
                for (Who who : Who.values()) {
                    row.before().accept(who);
                    Req req = row.request().apply(who);
                    Http.Response answer = call(row.method(), req, keys.get(who));
                    String expected = row.expected().get(who);
                    String what = row.endpoint() + " as " + who + " -> " + answer.status() + " " + answer.raw();
                    if (expected.equals("ok")) {
                        softly.assertThat(answer.status()).as(what).isBetween(200, 299);
                    } else {
                        softly.assertThat(answer.status()).as(what).isEqualTo(Integer.parseInt(expected));
                    }
                }
            }
        } finally {
            cleanUp();
        }
        softly.assertAll();
    }

    @Test
    void aPlanWithoutTheFeatureIsRefusedNamingTheCheapestPlanThatHasIt() {
        String free = http.ok("POST", "/api/accounts", OPERATOR_KEY, "{\"name\":\"Free\",\"plan\":\"FREE\"}")
                .get("adminKey").get("key").asString();
        Http.Response connect = http.call("POST", "/api/guilds", free, "{\"guildId\":\"810000000000000990\",\"name\":\"Free\"}");
        assertThat(connect.status()).isEqualTo(403);
        assertThat(connect.body().get("requiredPlan").asString()).isEqualTo("STARTER");

        String starter = http.ok("POST", "/api/accounts", OPERATOR_KEY, "{\"name\":\"Starter\",\"plan\":\"STARTER\"}")
                .get("adminKey").get("key").asString();
        Http.Response stream = stream(starter);
        assertThat(stream.status()).isEqualTo(403);
        assertThat(stream.raw()).contains("\"requiredPlan\":\"STANDARD\"");
    }

    // --- the table's helpers ---

    static Row row(String expected, String endpoint, String path, String body) {
        return row(expected, endpoint, w -> new Req(path, body), w -> { });
    }

    static Row row(String expected, String endpoint, Function<Who, Req> request, Consumer<Who> before) {
        String[] columns = expected.trim().split("\\s+");
        Map<Who, String> byCaller = new EnumMap<>(Map.of(Who.NONE, "401", Who.WRONG, "401", Who.OPERATOR, columns[0],
                Who.ADMIN, columns[1], Who.AGENT, columns[2], Who.STRANGER, columns[3]));
        return new Row(endpoint, byCaller, request, before);
    }

    /** A guild id per caller, so that every caller allowed to connect one connects a new one. */
    static String newGuild(Who who) {
        return Long.toString(810000000000000910L + who.ordinal());
    }

    static String botBody(Who who) {
        return "{\"applicationId\":\"" + (881000000000000910L + who.ordinal()) + "\",\"publicKey\":\""
                + new InteractionSigner().publicKeyHex() + "\",\"token\":\""
                + FakeDiscordRest.tokenFor(890000000000000910L + who.ordinal()) + "\"}";
    }

    long botOf(Who who) {
        JsonNode bots = http.ok("GET", "/api/bots", keys.get(who), null);
        return bots.isEmpty() ? 0 : bots.get(0).get("id").asLong();
    }

    String moderationBody() {
        ObjectNode settings = (ObjectNode) http.ok("GET", "/api/guilds/" + G + "/moderation", keys.get(Who.ADMIN), null)
                .get("settings").deepCopy();
        return settings.put("enabled", false).put("filterAction", "DELETE").toString();
    }

    /** Hands the conversation back to the AI, whoever holds it. */
    void release() {
        http.call("POST", "/api/conversations/" + conversationId + "/release", keys.get(Who.ADMIN), null);
    }

    /** The conversation taken over by that caller if it may, else by the agent: a refused call must change nothing. */
    void heldBy(Who who) {
        release();
        String path = "/api/conversations/" + conversationId + "/takeover";
        if (keys.get(who) == null || http.call("POST", path, keys.get(who), null).status() != 200) {
            http.ok("POST", path, keys.get(Who.AGENT), null);
        }
    }

    Http.Response call(String method, Req req, String key) {
        return req.path().endsWith("/stream") ? stream(key) : http.call(method, req.path(), key, req.body());
    }

    /**
     * The SSE endpoint keeps the connection open, so this reads the status line over a plain socket and closes it
     * (a refused call is answered and closed: its body is read too).
     */
    Http.Response stream(String key) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/conversations/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Accept: text/event-stream\r\nConnection: close\r\n"
                    + (key == null ? "" : "Authorization: Bearer " + key + "\r\n") + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            return new Http.Response(status, null, status == 200 ? "(stream)" : in.lines().collect(Collectors.joining("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException("GET /api/conversations/stream failed", e);
        }
    }

    /**
     * The server notices that a stream's client has gone only when it writes to it, and until then a graceful
     * shutdown waits for the open request: a few events for each account whose stream this test opened.
     */
    void endStreams() {
        for (int i = 0; i < 3; i++) {
            for (var account : Map.of(accountId, G, strangerId, newGuild(Who.STRANGER)).entrySet()) {
                conversationStore.append(new Turn(account.getKey(), new ConversationKey(account.getValue(),
                        Long.toString(CHANNEL_ID), "830000000000000903"), TurnRole.MEMBER, "matrix-stream-end-" + i,
                        "streamer", "bye", System.currentTimeMillis(), false));
            }
            sleepMillis(400);
        }
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the allowed calls created outside the throwaway resources: the stranger's bot and the new guilds. */
    void cleanUp() {
        release();
        endStreams();
        for (Who who : List.of(Who.ADMIN, Who.STRANGER)) {
            long bot = botOf(who);
            if (bot != 0) {
                http.call("DELETE", "/api/bots/" + bot, keys.get(who), null);
            }
            http.call("DELETE", "/api/guilds/" + newGuild(who), keys.get(who), null);
        }
    }
}
