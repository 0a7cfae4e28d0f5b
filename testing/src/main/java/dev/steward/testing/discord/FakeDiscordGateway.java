package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * A Discord gateway (API v10) on 127.0.0.1 that a real Discord4J client logs in to, for end-to-end tests.
 *
 * <p>It speaks the protocol a bot sees: HELLO, IDENTIFY answered by READY and a GUILD_CREATE per configured guild,
 * heartbeat ACKs, RESUME answered by the missed dispatches and RESUMED. Tests push events with {@link #dispatch}
 * and read what the client sent with {@link #received()}. Point Discord4J's REST base at WireMock and call
 * {@link #stubRestLogin(WireMockServer)}: the client learns this gateway's URL from {@code GET /gateway}.
 */
public final class FakeDiscordGateway implements AutoCloseable {
    public static final String RESUME_PATH = "/resume";

    private final FakeUser bot;
    private final long applicationId;
    private final List<FakeGuild> guilds;
    private final long heartbeatMillis;
    private final DisposableServer server;
    private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
    private final List<ReceivedPayload> received = new CopyOnWriteArrayList<>();
    private final List<String> connectionUris = new CopyOnWriteArrayList<>();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger redeliverOnResume = new AtomicInteger();
    private volatile int resumesAtLastDrop;
    private final Object monitor = new Object();

    private FakeDiscordGateway(Builder builder) {
        this.bot = builder.bot;
        this.applicationId = builder.applicationId != 0 ? builder.applicationId : builder.bot.id();
        this.guilds = List.copyOf(builder.guilds);
        this.heartbeatMillis = builder.heartbeatInterval.toMillis();
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                // Any path is accepted: Discord4J appends ?compress=zlib-stream&encoding=json&v=10 to the URL from
                // GET /gateway and to resume_gateway_url; the path only tells the two apart.
                .handle((request, response) -> response.sendWebsocket(
                        (in, out) -> handle(request.uri(), in, out),
                        WebsocketServerSpec.builder().maxFramePayloadLength(1 << 20).build()))
                .bindNow(Duration.ofSeconds(10));
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
        return "ws://127.0.0.1:" + server.port();
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

    /** Stubs the REST calls Discord4J makes to log in ({@code GET /gateway}, {@code /gateway/bot}, ...). */
    public void stubRestLogin(WireMockServer wireMock) {
        FakeDiscordRest.stubLogin(wireMock, this);
    }

    public void stubRestLogin(WireMock wireMock) {
        FakeDiscordRest.stubLogin(wireMock, this);
    }

    /** Waits until a session has received READY (or RESUMED) on a live connection. */
    public void awaitReady(Duration timeout) {
        await(() -> sessions.values().stream().anyMatch(FakeSession::isLive), timeout, "a READY session");
    }

    /** Waits for an accepted RESUME since the last {@link #dropConnections()} or {@link #closeConnections} (or start). */
    public void awaitResumed(Duration timeout) {
        await(() -> resumes.get() > resumesAtLastDrop, timeout, "a RESUME after the last drop");
    }

    /** Waits for a payload from the client that matches, and returns the first such payload. */
    public ReceivedPayload awaitReceived(Predicate<ReceivedPayload> condition, Duration timeout) {
        await(() -> received.stream().anyMatch(condition), timeout, "a matching payload from the client");
        return received.stream().filter(condition).findFirst().orElseThrow();
    }

    /**
     * Sends a dispatch (op 0) to every session, numbered by the session's sequence. A session whose connection is
     * down keeps it and replays it when the client resumes, as Discord does. {@code dataJson} is not validated.
     */
    public void dispatch(String eventType, String dataJson) {
        if (sessions.isEmpty()) {
            throw new IllegalStateException("No client has identified yet; call awaitReady first");
        }
        sessions.values().forEach(session -> session.dispatch(eventType, dataJson));
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
        connections.forEach(connection -> connection.send(json));
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
        resumesAtLastDrop = resumes.get();
        connections.forEach(connection -> {
            detach(connection);
            connection.drop();
        });
    }

    /**
     * Closes every connection with a close frame. Discord4J resumes after codes below 4000 and identifies anew
     * (after a backoff of a few seconds) after 4xxx; 4004 and 4010-4014 make it give up.
     */
    public void closeConnections(int code, String reason) {
        resumesAtLastDrop = resumes.get();
        connections.forEach(connection -> {
            detach(connection);
            connection.close(code, reason);
        });
    }

    /**
     * Makes the next accepted RESUME also re-send the last {@code count} dispatches the client already had:
     * Discord delivers events at least once, so consumers must tolerate duplicates.
     */
    public void redeliverOnNextResume(int count) {
        redeliverOnResume.set(count);
    }

    /** Every payload the client sent, in order. */
    public List<ReceivedPayload> received() {
        return List.copyOf(received);
    }

    public List<ReceivedPayload> received(int op) {
        return received.stream().filter(payload -> payload.op() == op).toList();
    }

    /** The last IDENTIFY's {@code d} (token, intents, properties, shard...). */
    public Optional<JsonNode> lastIdentify() {
        List<ReceivedPayload> identify = received(GatewayPayloads.OP_IDENTIFY);
        return identify.isEmpty() ? Optional.empty() : Optional.of(identify.get(identify.size() - 1).data());
    }

    /** Request URIs of all WebSocket connections so far, for example {@code /resume?compress=zlib-stream&...}. */
    public List<String> connectionUris() {
        return List.copyOf(connectionUris);
    }

    public int identifyCount() {
        return identifies.get();
    }

    /** Number of RESUMEs accepted (answered with RESUMED). */
    public int resumeCount() {
        return resumes.get();
    }

    /** Stops the server. Log the Discord4J client out first, or it keeps trying to resume against a closed port. */
    @Override
    public void close() {
        connections.forEach(FakeConnection::drop);
        server.disposeNow(Duration.ofSeconds(5));
    }

    private Publisher<Void> handle(String uri, WebsocketInbound in, WebsocketOutbound out) {
        FakeConnection connection = new FakeConnection(uri);
        in.withConnection(connection::attach);
        connections.add(connection);
        connectionUris.add(uri);
        in.receiveCloseStatus().subscribe(status -> connection.clientCloseCode(status.code()));
        // HELLO comes first. Discord4J heartbeats at once and holds IDENTIFY back until the first heartbeat ACK.
        connection.send(GatewayPayloads.hello(heartbeatMillis));
        Mono<Void> inbound = in.aggregateFrames()
                .receive()
                .asString()
                .doOnNext(text -> onPayload(connection, text))
                .then()
                .doFinally(signal -> connection.finish());
        Mono<Void> outbound = out.sendObject(connection.frames())
                .then()
                .then(Mono.defer(() -> connection.closeCode() == 0 ? Mono.<Void>empty()
                        : out.sendClose(connection.closeCode(), connection.closeReason())));
        return Mono.when(inbound, outbound)
                .onErrorResume(error -> Mono.empty()) // a dropped connection is an expected end here
                .doFinally(signal -> onDisconnected(connection));
    }

    private void onPayload(FakeConnection connection, String text) {
        JsonNode payload;
        try {
            payload = GatewayPayloads.JSON.readTree(text);
        } catch (IOException e) {
            received.add(new ReceivedPayload(-1, NullNode.getInstance(), text));
            return;
        }
        JsonNode data = payload.hasNonNull("d") ? payload.get("d") : NullNode.getInstance();
        int op = payload.path("op").asInt(-1);
        received.add(new ReceivedPayload(op, data, text));
        switch (op) {
            case GatewayPayloads.OP_HEARTBEAT -> connection.send(GatewayPayloads.heartbeatAck());
            case GatewayPayloads.OP_IDENTIFY -> identify(connection);
            case GatewayPayloads.OP_RESUME -> resume(connection, data);
            default -> { } // presence updates, member requests...: recorded only
        }
        signal();
    }

    private void identify(FakeConnection connection) {
        FakeSession session = new FakeSession(UUID.randomUUID().toString().replace("-", ""));
        Instant joined = Instant.now().minus(Duration.ofDays(30));
        List<String> guildCreates = new ArrayList<>();
        guilds.forEach(guild -> guildCreates.add(GatewayPayloads.guildCreate(guild, bot, joined)));
        connection.session(session);
        session.start(connection, GatewayPayloads.ready(bot, applicationId, guilds, session.id, resumeUrl()), guildCreates);
        sessions.put(session.id, session);
        identifies.incrementAndGet();
    }

    private void resume(FakeConnection connection, JsonNode data) {
        FakeSession session = sessions.get(data.path("session_id").asText(""));
        if (session == null) {
            // op 9 with d=false: not resumable; Discord4J backs off, then IDENTIFYs anew.
            connection.send(GatewayPayloads.invalidSession(false));
            return;
        }
        connection.session(session);
        FakeConnection previous = session.resume(connection, data.path("seq").asInt(0), redeliverOnResume.getAndSet(0));
        if (previous != null) {
            previous.drop();
        }
        resumes.incrementAndGet();
    }

    private void onDisconnected(FakeConnection connection) {
        connections.remove(connection);
        connection.finish();
        FakeSession session = detach(connection);
        if (session != null) {
            // Discord ends a session the client closes with 1000 or 1001 (Discord4J's logout); others stay resumable.
            // A close the fake started is echoed back with the fake's own code, so that one does not count.
            int code = connection.clientCloseCode();
            if (connection.closeCode() == 0 && (code == 1000 || code == 1001)) {
                sessions.remove(session.id, session);
            }
        }
        signal();
    }

    private FakeSession detach(FakeConnection connection) {
        FakeSession session = connection.session();
        if (session != null) {
            session.detach(connection);
        }
        return session;
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for " + what
                            + "; client sent ops " + received.stream().map(ReceivedPayload::op).toList()
                            + " on connections " + connectionUris);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted waiting for " + what, e);
                }
            }
        }
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
