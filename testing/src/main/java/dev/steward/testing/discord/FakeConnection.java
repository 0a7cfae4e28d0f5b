package dev.steward.testing.discord;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;

/** One WebSocket connection of the fake gateway: its zlib stream, outbound queue and Discord session. */
final class FakeConnection {
    // zlib-stream transport compression: ONE deflate context for the whole connection, each payload
    // flushed with SYNC_FLUSH so the frame ends in 00 00 FF FF, which is how Discord4J finds message ends.
    private final Deflater deflater = new Deflater();
    private final Sinks.Many<WebSocketFrame> frames = Sinks.many().unicast().onBackpressureBuffer();
    private volatile Connection netty;
    private volatile FakeSession session;
    private volatile int clientCloseCode = -1;
    private boolean finished;
    private int closeCode;
    private String closeReason;

    void attach(Connection connection) {
        this.netty = connection;
        connection.addHandlerLast("fake-discord-close-echo-delay", new CloseEchoDelay());
    }

    /**
     * Holds the client's close frame back briefly before reactor-netty echoes it. Discord4J 3.3.2's logout emits
     * its close from the caller's thread and handles the echoed close on the event loop; an echo that arrives
     * within microseconds (only possible on localhost) collides with it ("Spec. Rule 1.3" EmissionException),
     * and the client then resumes and reconnects instead of logging out. Real Discord is never that fast.
     */
    private static final class CloseEchoDelay extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof CloseWebSocketFrame)) {
                ctx.fireChannelRead(msg);
                return;
            }
            ctx.executor().schedule(() -> {
                if (ctx.channel().isActive()) {
                    ctx.fireChannelRead(msg);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }, 50, TimeUnit.MILLISECONDS);
        }
    }

    Flux<WebSocketFrame> frames() {
        return frames.asFlux();
    }

    /** Compresses and queues one payload; compression and queueing happen together to keep the stream in order. */
    synchronized void send(String json) {
        if (finished) {
            return;
        }
        byte[] compressed = compress(json.getBytes(StandardCharsets.UTF_8));
        frames.tryEmitNext(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(compressed)));
    }

    /** Ends the connection with a close frame once the queued payloads are sent. */
    synchronized void close(int code, String reason) {
        if (!finished) {
            closeCode = code;
            closeReason = reason;
            frames.tryEmitComplete();
        }
    }

    /** Closes the TCP connection without a close frame, as a network failure would. */
    void drop() {
        Connection connection = netty;
        if (connection != null) {
            connection.channel().close();
        }
    }

    synchronized void finish() {
        if (!finished) {
            finished = true;
            frames.tryEmitComplete();
            deflater.end();
        }
    }

    synchronized int closeCode() {
        return closeCode;
    }

    synchronized String closeReason() {
        return closeReason;
    }

    FakeSession session() {
        return session;
    }

    void session(FakeSession session) {
        this.session = session;
    }

    int clientCloseCode() {
        return clientCloseCode;
    }

    void clientCloseCode(int code) {
        this.clientCloseCode = code;
    }

    private byte[] compress(byte[] input) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 16);
        byte[] buffer = new byte[8192];
        int written;
        do {
            written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, written);
        } while (written == buffer.length);
        return out.toByteArray();
    }
}
