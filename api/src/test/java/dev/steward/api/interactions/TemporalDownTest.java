package dev.steward.api.interactions;

import dev.steward.api.ApiApplication;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.discord.InteractionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** With no Temporal to start the workflow, /ask gets an ephemeral error instead of Discord's time-out. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "steward.temporal.address=127.0.0.1:1")
class TemporalDownTest {
    static final InteractionSigner discord = new InteractionSigner();

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        registry.add("steward.discord.public-key", discord::publicKeyHex);
        // No application id configured, only the key: the shared key alone vouches for the body's application.
    }

    @LocalServerPort int port;
    @Autowired AccountRepository accounts;
    @Autowired GuildRepository guilds;

    @Test
    void askAnswersWithAnEphemeralErrorWhenTheWorkflowCannotStart() throws Exception {
        long account = accounts.save(Account.create("Down", Plan.PRO, "", Instant.now())).id();
        guilds.save(Guild.connect("3", account, "Guild", Instant.now()));
        String body = """
                {"type":2,"id":"1","application_id":"2","token":"t","guild_id":"3","channel_id":"4",
                 "member":{"user":{"id":"5","username":"ida"},"roles":[]},
                 "data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"hello?"}]}}""";
        String timestamp = InteractionSigner.now();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/discord/interactions"))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", discord.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"type\":4", "\"flags\":64", "can't answer right now");
    }
}
