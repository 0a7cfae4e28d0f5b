package dev.steward.bridge;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import discord4j.common.JacksonResources;
import discord4j.common.util.Snowflake;
import discord4j.core.GatewayDiscordClient;
import discord4j.core.object.entity.Message;
import discord4j.discordjson.json.MessageData;
import dev.steward.workflows.message.IncomingMessage;
import org.mockito.Mockito;

import java.io.IOException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes MESSAGE_CREATE payloads through Discord4J's decoding and the bridge's mapping: a payload Discord4J
 * cannot decode is its logged skip; one it decodes must map to a message or be skipped, never throw.
 * Regression mode replays {@code GatewayPayloadFuzzTestInputs}; the build fuzzes for {@code maxDuration}.
 */
class GatewayPayloadFuzzTest {
    static final ObjectMapper DISCORD4J = JacksonResources.create().getObjectMapper();
    static final Snowflake SELF = Snowflake.of(1);
    /** Only the bot's own id is asked of the client when a message is read. */
    static final GatewayDiscordClient GATEWAY = Mockito.mock(GatewayDiscordClient.class);

    static {
        Mockito.when(GATEWAY.getSelfId()).thenReturn(SELF);
    }

    @FuzzTest(maxDuration = "20s")
    void messageCreatePayloadsMapOrAreSkipped(byte[] payload) {
        MessageData data;
        try {
            data = DISCORD4J.readValue(payload, MessageData.class);
        } catch (IOException | IllegalStateException | IllegalArgumentException | NullPointerException undecodable) {
            return; // Discord4J logs the payload and the session goes on
        }
        if (data == null) {
            return;
        }
        Optional<IncomingMessage> mapped = MessageEvents.toIncoming(new Message(GATEWAY, data), Optional.empty(), SELF);
        mapped.ifPresent(message -> {
            assertThat(message.content()).doesNotContain("\u0000");
            assertThat(message.guildId()).isNotEmpty();
            assertThat(message.authorIsBot()).isFalse();
        });
    }
}
