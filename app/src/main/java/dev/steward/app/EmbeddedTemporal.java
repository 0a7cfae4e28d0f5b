package dev.steward.app;

import dev.steward.core.temporal.EmbeddedTemporalServer;
import io.temporal.testserver.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The Temporal Java test server bound to a TCP port, so other processes and the temporal CLI can connect.
 * Time skipping is locked: timers run in real time. It keeps its state in memory only.
 */
class EmbeddedTemporal implements EmbeddedTemporalServer, AutoCloseable {
    private final TestServer.PortBoundTestServer server;
    private final int port;

    private EmbeddedTemporal(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port 0 picks a free port (tests) */
    static EmbeddedTemporal start(int port) {
        int chosen = port == 0 ? freePort() : port;
        return new EmbeddedTemporal(TestServer.createPortBoundServer(chosen, true), chosen);
    }

    @Override
    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
