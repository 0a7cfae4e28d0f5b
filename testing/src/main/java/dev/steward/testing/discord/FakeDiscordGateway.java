package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Discord gateway (API v10) on 127.0.0.1 that a real Discord4J client logs in to, for end-to-end tests.
 *
 * <p>It speaks the protocol a bot sees: HELLO, IDENTIFY answered by READY and a GUILD_CREATE per configured guild,
 * heartbeat ACKs, RESUME answered by the missed dispatches and RESUMED. Tests push events with {@link #dispatch}
 * and read what the client sent with {@link #received()}. Point Discord4J's REST base at WireMock and call
 * {@link #stubRestLogin(WireMockServer)}: the client learns this gateway's URL from {@code GET /gateway}.
 */
public final class FakeDiscordGateway implements AutoCloseable {
    public static final String RESUME_PATH = GatewayProtocol.RESUME_PATH;

    private final FakeUser bot;
    private final long applicationId;
    private final List<FakeGuild> guilds;
    private final GatewayProtocol protocol;
    private volatile int resumesAtLastDrop;

    private FakeDiscordGateway(Builder builder) {
        this.bot = builder.bot;
        this.applicationId = builder.applicationId != 0 ? builder.applicationId : builder.bot.id();
        this.guilds = List.copyOf(builder.guilds);
        this.protocol = new GatewayProtocol(bot, applicationId, guilds, builder.heartbeatInterval);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a gateway with the default bot user and the given guilds. */
    public static FakeDiscordGateway start(FakeGuild... guilds) {
        Builder builder = builder();
        for (FakeGuild guild : guilds) {
            builder.guild(guild);
        }
        return builder.start();
    }

    /** The URL {@code GET /gateway} returns, for example {@code ws://127.0.0.1:41234}. */
    public String url() {
        return protocol.url();
    }

    /** The {@code resume_gateway_url} sent in READY; it points back here, under {@link #RESUME_PATH}. */
    public String resumeUrl() {
        return url() + RESUME_PATH;
    }

    public FakeUser botUser() {
        return bot;
    }

    /** A token whose first part encodes the bot id: Discord4J derives {@code getSelfId()} from the token. */
    public String botToken() {
        return FakeDiscordRest.tokenFor(bot.id());
    }

    public long applicationId() {
        return applicationId;
    }

    public List<FakeGuild> guilds() {
        return guilds;
    }

    /** Stubs the REST calls Discord4J makes to log in ({@code GET /gateway}, {@code /gateway/bot}). */
    public void stubRestLogin(WireMockServer wireMock) {
        FakeDiscordRest.stubLogin(wireMock, this);
    }

    public void stubRestLogin(WireMock wireMock) {
        FakeDiscordRest.stubLogin(wireMock, this);
    }

    /** Waits until a session has received READY (or RESUMED) on a live connection. */
    public void awaitReady(Duration timeout) {
        protocol.await(() -> protocol.sessions.values().stream().anyMatch(FakeSession::isLive), timeout,
                "a READY session");
    }

    /** Waits for an accepted RESUME since the last {@link #dropConnections()} or {@link #closeConnections} (or start). */
    public void awaitResumed(Duration timeout) {
        protocol.await(() -> protocol.resumes.get() > resumesAtLastDrop, timeout, "a RESUME after the last drop");
    }

    /** Waits for a payload from the client that matches, and returns the first such payload. */
    public ReceivedPayload awaitReceived(Predicate<ReceivedPayload> condition, Duration timeout) {
        protocol.await(() -> protocol.received.stream().anyMatch(condition), timeout, "a matching payload");
        return protocol.received.stream().filter(condition).findFirst().orElseThrow();
    }

    /**
     * Sends a dispatch (op 0) to every session, numbered by the session's sequence. A session whose connection is
     * down keeps it and replays it when the client resumes, as Discord does. {@code dataJson} is not validated.
     */
    public void dispatch(String eventType, String dataJson) {
        if (protocol.sessions.isEmpty()) {
            throw new IllegalStateException("No client has identified yet; call awaitReady first");
        }
        protocol.sessions.values().forEach(session -> session.dispatch(eventType, dataJson));
    }

    /** Sends a MESSAGE_CREATE and returns the message id. */
    public long dispatchMessageCreate(MessageCreateBuilder message) {
        dispatch("MESSAGE_CREATE", message.toJson());
        return message.id();
    }

    /** Sends a plain guild text message and returns its id. */
    public long dispatchMessageCreate(long guildId, long channelId, FakeUser author, String content) {
        return dispatchMessageCreate(GatewayPayloads.messageCreate().in(guildId, channelId).author(author).content(content));
    }

    /** Sends text as is (compressed like any payload) to every open connection, outside any sequence. */
    public void sendRaw(String json) {
        protocol.connections.forEach(connection -> connection.send(json));
    }

    /** Sends op 7 RECONNECT: the client closes and resumes. */
    public void requestReconnect() {
        sendRaw(GatewayPayloads.payload(GatewayPayloads.OP_RECONNECT, null, null, null));
    }

    /**
     * Closes every connection without a close frame, as a network failure would; Discord4J then resumes at once
     * at the resume URL. Dispatches sent from now on wait in the session until the client resumes.
     */
    public void dropConnections() {
        resumesAtLastDrop = protocol.resumes.get();
        protocol.connections.forEach(connection -> {
            protocol.detach(connection);
            connection.drop();
        });
    }

    /**
     * Closes every connection with a close frame. Discord4J resumes after codes below 4000 and identifies anew
     * (after a backoff of a few seconds) after 4xxx; 4004 and 4010-4014 make it give up.
     */
    public void closeConnections(int code, String reason) {
        resumesAtLastDrop = protocol.resumes.get();
        protocol.connections.forEach(connection -> {
            protocol.detach(connection);
            connection.close(code, reason);
        });
    }

    /**
     * Makes the next accepted RESUME also re-send the last {@code count} dispatches the client already had:
     * Discord delivers events at least once, so consumers must tolerate duplicates.
     */
    public void redeliverOnNextResume(int count) {
        protocol.redeliverOnResume.set(count);
    }

    /** Every payload the client sent, in order (op -1 for text that was not JSON). */
    public List<ReceivedPayload> received() {
        return List.copyOf(protocol.received);
    }

    public List<ReceivedPayload> received(int op) {
        return protocol.received.stream().filter(payload -> payload.op() == op).toList();
    }

    /** The last IDENTIFY's {@code d} (token, intents, properties, shard...). */
    public Optional<JsonNode> lastIdentify() {
        List<ReceivedPayload> identify = received(GatewayPayloads.OP_IDENTIFY);
        return identify.isEmpty() ? Optional.empty() : Optional.of(identify.get(identify.size() - 1).data());
    }

    /** Request URIs of all WebSocket connections so far, for example {@code /resume?compress=zlib-stream&...}. */
    public List<String> connectionUris() {
        return List.copyOf(protocol.connectionUris);
    }

    public int identifyCount() {
        return protocol.identifies.get();
    }

    /** Number of RESUMEs accepted (answered with RESUMED). */
    public int resumeCount() {
        return protocol.resumes.get();
    }

    /** Stops the server. Log the Discord4J client out first, or it keeps trying to resume against a closed port. */
    @Override
    public void close() {
        protocol.dispose();
    }

    /** Configures the bot, its guilds and the heartbeat interval announced in HELLO. */
    public static final class Builder {
        private FakeUser bot = FakeUser.bot(111_111_111_111_111_111L, "steward");
        private long applicationId;
        private final List<FakeGuild> guilds = new ArrayList<>();
        private Duration heartbeatInterval = Duration.ofMillis(41_250); // Discord's usual value

        private Builder() {
        }

        public Builder botUser(FakeUser bot) {
            this.bot = bot;
            return this;
        }

        /** Defaults to the bot's user id, which is how Discord assigns it for bots created since 2016. */
        public Builder applicationId(long applicationId) {
            this.applicationId = applicationId;
            return this;
        }

        public Builder guild(FakeGuild guild) {
            guilds.add(guild);
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        public FakeDiscordGateway start() {
            return new FakeDiscordGateway(this);
        }
    }
}
