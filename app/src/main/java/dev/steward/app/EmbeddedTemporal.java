package dev.steward.app;

import dev.steward.core.temporal.EmbeddedTemporalServer;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.InProcessGRPCServer;
import io.temporal.internal.testservice.TestServicesStarter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal Java test server, reachable two ways: on a TCP port, so other processes and the temporal CLI
 * can connect, and in process, for this JVM's own client and workers (a third of the CPU of a burst went to
 * gRPC over TCP on both sides). Time skipping is locked: timers run in real time. State is in memory only, and
 * finished workflows are forgotten after the retention ({@link FinishedWorkflowRetention}).
 */
class EmbeddedTemporal implements EmbeddedTemporalServer, AutoCloseable {
    private final TestServicesStarter services;
    private final Server tcp;
    private final InProcessGRPCServer inProcess;
    private final int port;
    private final FinishedWorkflowRetention retention;

    private EmbeddedTemporal(TestServicesStarter services, Server tcp, InProcessGRPCServer inProcess, int port,
                             FinishedWorkflowRetention retention) {
        this.services = services;
        this.tcp = tcp;
        this.inProcess = inProcess;
        this.port = port;
        this.retention = retention;
    }

    /**
     * @param port      0 picks a free port (tests)
     * @param retention how long a finished workflow stays
     */
    static EmbeddedTemporal start(int port, Duration retention) {
        int chosen = port == 0 ? freePort() : port;
        // What TestServer.createPortBoundServer does, with an in-process server on the same services added.
        TestServicesStarter services = new TestServicesStarter(true, 0);
        UnrecordedLockEvents.install(services);
        FifoTaskQueues.install(services);
        FinishedWorkflowRetention purge = FinishedWorkflowRetention.install(services, retention);
        InProcessGRPCServer inProcess = null;
        try {
            inProcess = new InProcessGRPCServer(services.getServices());
            ServerBuilder<?> builder = Grpc.newServerBuilderForPort(chosen, InsecureServerCredentials.create());
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
            return new EmbeddedTemporal(services, builder.build().start(), inProcess, chosen, purge);
        } catch (IOException | RuntimeException e) {
            if (inProcess != null) {
                inProcess.shutdownNow();
            }
            if (purge != null) {
                purge.close();
            }
            services.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public String target() {
        return "127.0.0.1:" + port;
    }

    @Override
    public ManagedChannel inProcessChannel() {
        return inProcess.getChannel();
    }

    @Override
    public void close() {
        if (retention != null) {
            retention.close();
        }
        tcp.shutdown();
        inProcess.shutdown();
        try {
            tcp.awaitTermination(5, TimeUnit.SECONDS);
            inProcess.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            tcp.shutdownNow();
            inProcess.shutdownNow();
            services.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
