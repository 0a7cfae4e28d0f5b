package dev.steward.app;

import dev.steward.core.temporal.EmbeddedTemporalServer;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.annotation.Autowired;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.steward.testing.Fixtures;
import dev.steward.testing.ollama.OllamaStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode with its embedded defaults only (no database URL, no operator key, no bot token): it generates
 * the operator key, migrates H2, and answers a sandbox message through the workflow.
 */
@SpringBootTest(classes = StewardLocal.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.local.temporal-port=0", "steward.local.data-dir=" + LocalModeSmokeTest.DATA_DIR})
class LocalModeSmokeTest {
    /** Fixed, because the data folder is read before dynamic properties exist; emptied before each run. */
    static final String DATA_DIR = "target/local-smoke-data";
    static final Path DATA = withAnOldReadableKey(emptied(Path.of(DATA_DIR).toAbsolutePath()));
    static final String OLD_ENCRYPTION_KEY = "kept-from-an-earlier-version";

    /** An encryption key file as an earlier version left it, readable by everyone: kept, but tightened. */
    static Path withAnOldReadableKey(Path dir) {
        try {
            Files.createDirectories(dir);
            Path key = Files.writeString(dir.resolve(LocalModeDefaults.ENCRYPTION_KEY_FILE), OLD_ENCRYPTION_KEY + "\n");
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
    static final WireMockServer ollama = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static Path emptied(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return dir;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) {
        ollama.start();
        OllamaStubs.answer(ollama, "Hello from the sandbox!");
        registry.add("steward.ai.base-url", ollama::baseUrl);
    }

    @AfterAll
    static void stop() {
        ollama.stop();
    }

    @LocalServerPort int port;
    @Autowired EmbeddedTemporalServer embedded;
    @Value("${spring.datasource.url}") String datasourceUrl;
    @Value("${steward.encryption-key}") String encryptionKey;

    @Test
    void embeddedDefaultsAnswerASandboxMessage() throws Exception {
        assertThat(datasourceUrl).startsWith("jdbc:h2:file:" + DATA);
        String operator = Files.readString(DATA.resolve(LocalModeDefaults.OPERATOR_KEY_FILE)).strip();
        assertThat(encryptionKey).isEqualTo(OLD_ENCRYPTION_KEY);
        for (String secret : new String[]{LocalModeDefaults.OPERATOR_KEY_FILE, LocalModeDefaults.ENCRYPTION_KEY_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DATA.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
        Http http = new Http(port);

        String admin = http.ok("POST", "/api/accounts", operator, "{\"name\":\"Local\",\"plan\":\"STARTER\"}")
                .get("adminKey").get("key").asString();
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"1001\",\"name\":\"Sandbox guild\"}");
        long doc = http.ok("POST", "/api/knowledge/documents", admin, "{\"title\":\"Handbook\",\"contentType\":\"text/markdown\","
                + "\"content\":" + Http.json(Fixtures.text(Fixtures.HANDBOOK)) + "}").get("id").asLong();
        KnowledgeWait.untilReady(http, admin, doc);
        JsonNode posted = http.ok("POST", "/api/sandbox/guilds/1001/messages", admin,
                "{\"content\":\"@Steward how do I reset my password?\"}");

        assertThat(posted.get("outcome").get("status").asString()).isEqualTo("ANSWERED");
        assertThat(posted.get("actions").get(0).get("content").asString()).isEqualTo("Hello from the sandbox!");
        assertThat(posted.get("actions").get(0).get("targetMessageId").asString())
                .isEqualTo(posted.get("messageId").asString());
        JsonNode usage = http.ok("GET", "/api/usage", admin, null);
        assertThat(usage.get("used").asLong()).isEqualTo(1);
        assertThat(usage.get("byKind").get("ANSWER").asLong()).isEqualTo(1);
        assertThat(usage.get("byDay").size()).isEqualTo(1);

        // The app talks to the embedded server in process; another process (the temporal CLI) sees the same
        // state over TCP.
        WorkflowServiceStubs overTcp = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(embedded.target()).build());
        try {
            assertThat(WorkflowClient.newInstance(overTcp).newUntypedWorkflowStub(posted.get("workflowId").asString())
                    .describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        } finally {
            overTcp.shutdownNow();
        }
    }
}
