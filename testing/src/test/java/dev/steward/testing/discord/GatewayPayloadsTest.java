package dev.steward.testing.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import discord4j.common.JacksonResources;
import discord4j.discordjson.json.gateway.GuildCreate;
import discord4j.discordjson.json.gateway.MessageCreate;
import discord4j.discordjson.json.gateway.Ready;
import discord4j.gateway.json.GatewayPayload;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payloads parse with Discord4J's own mapper, which silently drops a dispatch missing a required field. */
class GatewayPayloadsTest {
    private static final ObjectMapper DISCORD4J = JacksonResources.create().getObjectMapper();
    private static final FakeUser BOT = FakeUser.bot(111_111_111_111_111_111L, "steward");
    private static final FakeGuild GUILD = FakeGuild.of(200_000_000_000_000_001L, "Guild", 200_000_000_000_000_002L);

    @Test
    void readyParses() throws Exception {
        String data = GatewayPayloads.ready(BOT, BOT.id(), List.of(GUILD), "abc", "ws://127.0.0.1:1/resume");

        Ready ready = (Ready) parse("READY", data).getData();

        assertThat(ready.user().id().asLong()).isEqualTo(BOT.id());
        assertThat(ready.guilds()).hasSize(1);
        assertThat(ready.resumeGatewayUrl()).isEqualTo("ws://127.0.0.1:1/resume");
    }

    @Test
    void guildCreateParsesAsAnAvailableGuild() throws Exception {
        GuildCreate guild = (GuildCreate) parse("GUILD_CREATE", GatewayPayloads.guildCreate(GUILD, BOT, Instant.now())).getData();

        assertThat(guild.guild().name()).isEqualTo("Guild");
        assertThat(guild.guild().channels()).hasSize(1);
        assertThat(guild.guild().members()).hasSize(1);
    }

    @Test
    void replyParsesWithItsReference() throws Exception {
        MessageCreateBuilder original = GatewayPayloads.messageCreate().in(GUILD.id(), 5L).author(BOT).content("hi");
        MessageCreateBuilder reply = GatewayPayloads.messageCreate().replyTo(original)
                .author(FakeUser.human(7L, "alice")).content("thanks").mentions(BOT);

        MessageCreate message = (MessageCreate) parse("MESSAGE_CREATE", reply.toJson()).getData();

        assertThat(message.message().type()).isEqualTo(19);
        assertThat(message.message().messageReference().get().messageId().get().asLong()).isEqualTo(original.id());
        assertThat(message.message().referencedMessage().get().get().content()).isEqualTo("hi");
        assertThat(message.message().mentions().get(0).member().isAbsent()).isFalse();
    }

    private static GatewayPayload<?> parse(String type, String data) throws Exception {
        return DISCORD4J.readValue(GatewayPayloads.dispatch(type, data, 1), new TypeReference<GatewayPayload<?>>() {
        });
    }
}
