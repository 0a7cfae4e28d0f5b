package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** The server side of the gateway protocol behind {@link FakeDiscordGateway}: connections, sessions, records. */
final class GatewayProtocol {
    static final String RESUME_PATH = "/resume";

    private final FakeUser bot;
    private final long applicationId;
    private final List<FakeGuild> guilds;
    private final long heartbeatMillis;
    private final DisposableServer server;
    final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
    final Map<String, FakeSession> sessions = new ConcurrentHashMap<>();
    final List<ReceivedPayload> received = new CopyOnWriteArrayList<>();
    final List<String> connectionUris = new CopyOnWriteArrayList<>();
    final AtomicInteger identifies = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();
    final AtomicInteger redeliverOnResume = new AtomicInteger();
    private final Object monitor = new Object();

    GatewayProtocol(FakeUser bot, long applicationId, List<FakeGuild> guilds, Duration heartbeatInterval) {
        this.bot = bot;
        this.applicationId = applicationId;
        this.guilds = List.copyOf(guilds);
        this.heartbeatMillis = heartbeatInterval.toMillis();
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

    String url() {
        return "ws://127.0.0.1:" + server.port();
    }

    void dispose() {
        connections.forEach(FakeConnection::drop);
        server.disposeNow(Duration.ofSeconds(5));
    }

    /** Unbinds a connection from its session at once, so later dispatches wait in the session for a RESUME. */
    FakeSession detach(FakeConnection connection) {
        FakeSession session = connection.session();
        if (session != null) {
            session.detach(connection);
        }
        return session;
    }

    private Publisher<Void> handle(String uri, WebsocketInbound in, WebsocketOutbound out) {
        FakeConnection connection = new FakeConnection();
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
        String resumeUrl = url() + RESUME_PATH;
        session.start(connection, GatewayPayloads.ready(bot, applicationId, guilds, session.id, resumeUrl), guildCreates);
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
        // Discord ends a session the client closes with 1000 or 1001 (Discord4J's logout); others stay resumable.
        // A close the fake started is echoed back with the fake's own code, so that one does not count.
        int code = connection.clientCloseCode();
        if (session != null && connection.closeCode() == 0 && (code == 1000 || code == 1001)) {
            sessions.remove(session.id, session);
        }
        signal();
    }

    private void signal() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    void await(BooleanSupplier condition, Duration timeout, String what) {
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
}
