package dev.steward.testing.discord;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import discord4j.common.util.Snowflake;
import discord4j.core.GatewayDiscordClient;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.core.object.MessageReference;
import discord4j.core.object.entity.Message;
import discord4j.core.object.entity.User;
import discord4j.gateway.intent.Intent;
import discord4j.gateway.intent.IntentSet;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Discord4J client against WireMock (REST) and the fake gateway. */
class FakeDiscordGatewayTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long GUILD_ID = 200_000_000_000_000_001L;
    private static final long CHANNEL_ID = 200_000_000_000_000_002L;
    private static final FakeUser ALICE = FakeUser.human(300_000_000_000_000_001L, "alice");
    private static final IntentSet INTENTS = IntentSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.MESSAGE_CONTENT);

    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private WireMockServer wireMock;
    private FakeDiscordGateway gateway;
    private GatewayDiscordClient client;

    @BeforeEach
    void logIn() {
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        gateway = FakeDiscordGateway.start(FakeGuild.of(GUILD_ID, "Support", CHANNEL_ID));
        gateway.stubRestLogin(wireMock);

        client = FakeDiscordRest.clientBuilder(gateway.botToken(), wireMock.baseUrl()).build()
                .gateway()
                .setEnabledIntents(INTENTS)
                .login()
                .block(TIMEOUT);
        client.on(MessageCreateEvent.class).subscribe(event -> messages.add(event.getMessage()));
        gateway.awaitReady(TIMEOUT);
    }

    @AfterEach
    void logOut() {
        if (client != null) {
            client.logout().block(TIMEOUT);
        }
        gateway.close();
        wireMock.stop();
    }

    @Test
    void identifiesWithTheConfiguredIntentsOverACompressedConnection() {
        var identify = gateway.lastIdentify().orElseThrow();

        assertThat(identify.get("intents").asLong()).isEqualTo(INTENTS.getRawValue());
        assertThat(identify.get("token").asText()).isEqualTo(gateway.botToken());
        assertThat(gateway.connectionUris()).singleElement().asString()
                .contains("compress=zlib-stream", "encoding=json", "v=10");
        assertThat(client.getSelfId().asLong()).isEqualTo(gateway.botUser().id());
        assertThat(wireMock.findAllUnmatchedRequests()).isEmpty();
    }

    @Test
    void deliversAMessageThatMentionsTheBot() {
        FakeUser bot = gateway.botUser();
        long id = gateway.dispatchMessageCreate(GatewayPayloads.messageCreate()
                .in(GUILD_ID, CHANNEL_ID)
                .author(ALICE)
                .content(bot.mention() + " how do I reset my password?")
                .mentions(bot));

        Message message = nextMessage();

        assertThat(message.getId().asLong()).isEqualTo(id);
        assertThat(message.getContent()).isEqualTo(bot.mention() + " how do I reset my password?");
        assertThat(message.getGuildId()).contains(Snowflake.of(GUILD_ID));
        assertThat(message.getChannelId().asLong()).isEqualTo(CHANNEL_ID);
        assertThat(message.getAuthor().map(User::getId)).contains(Snowflake.of(ALICE.id()));
        assertThat(message.getAuthor().map(User::isBot)).contains(false);
        assertThat(message.getUserMentionIds()).contains(Snowflake.of(bot.id()));
    }

    @Test
    void deliversAReplyWithItsReference() {
        MessageCreateBuilder answer = GatewayPayloads.messageCreate()
                .in(GUILD_ID, CHANNEL_ID).author(gateway.botUser()).content("Try the reset link.");
        gateway.dispatchMessageCreate(answer);
        gateway.dispatchMessageCreate(GatewayPayloads.messageCreate()
                .replyTo(answer).author(ALICE).content("It expired").mentions(gateway.botUser()));

        assertThat(nextMessage().getAuthor().map(User::isBot)).contains(true);
        Message reply = nextMessage();

        assertThat(reply.getType()).isEqualTo(Message.Type.REPLY);
        assertThat(reply.getMessageReference().flatMap(MessageReference::getMessageId)).contains(Snowflake.of(answer.id()));
        assertThat(reply.getReferencedMessage().map(Message::getContent)).contains("Try the reset link.");
    }

    @Test
    void resumesAfterADroppedConnectionAndReplaysDispatches() {
        long first = gateway.dispatchMessageCreate(GUILD_ID, CHANNEL_ID, ALICE, "before the drop");
        assertThat(nextMessage().getId().asLong()).isEqualTo(first);

        // Discord may deliver an event again after a RESUME; the next RESUME re-sends the last dispatch.
        gateway.redeliverOnNextResume(1);
        gateway.dropConnections();
        long missed = gateway.dispatchMessageCreate(GUILD_ID, CHANNEL_ID, ALICE, "while disconnected");
        gateway.awaitResumed(TIMEOUT);

        assertThat(nextMessage().getId().asLong()).isEqualTo(first);
        assertThat(nextMessage().getId().asLong()).isEqualTo(missed);
        assertThat(gateway.identifyCount()).isEqualTo(1);
        assertThat(gateway.connectionUris()).last().asString().startsWith(FakeDiscordGateway.RESUME_PATH + "?");
        // Under load Discord4J may also send an early RESUME without a session, which the gateway refuses.
        assertThat(gateway.received(GatewayPayloads.OP_RESUME).stream()
                .filter(resume -> !resume.data().path("session_id").asText("").isEmpty()))
                .singleElement()
                .satisfies(resume -> assertThat(resume.data().get("token").asText()).isEqualTo(gateway.botToken()));
    }

    @Test
    void malformedPayloadsDoNotEndTheSession() {
        // A MESSAGE_CREATE without author, content, timestamp...: Discord4J logs a WARN and skips it.
        gateway.dispatch("MESSAGE_CREATE", "{\"id\":\"1\",\"channel_id\":\"" + CHANNEL_ID + "\"}");
        gateway.sendRaw("{not json");
        long valid = gateway.dispatchMessageCreate(GUILD_ID, CHANNEL_ID, ALICE, "still here");

        // The session survives: the next valid message arrives without a new IDENTIFY. (How many TCP
        // connections the client opened is not asserted: on a loaded machine it may reconnect and resume.)
        assertThat(nextMessage().getId().asLong()).isEqualTo(valid);
        assertThat(gateway.identifyCount()).isEqualTo(1);
    }

    @Test
    void anEnvelopeWithoutTypeMakesDiscord4JReconnectAndResume() {
        // Discord4J reads "t" without a null check: the NullPointerException ends the connection (not the
        // session), so the client resumes. Real Discord always sends all four fields; the fake does too.
        gateway.sendRaw("{\"op\":0,\"d\":{},\"s\":null}");
        gateway.awaitResumed(TIMEOUT);
        long valid = gateway.dispatchMessageCreate(GUILD_ID, CHANNEL_ID, ALICE, "after the reconnect");

        assertThat(nextMessage().getId().asLong()).isEqualTo(valid);
        assertThat(gateway.identifyCount()).isEqualTo(1);
    }

    private Message nextMessage() {
        try {
            Message message = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("MessageCreateEvent within " + TIMEOUT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
