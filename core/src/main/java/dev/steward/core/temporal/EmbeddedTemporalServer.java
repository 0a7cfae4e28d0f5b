package dev.steward.core.temporal;

import io.grpc.ManagedChannel;

/**
 * An in-process Temporal service, present only in local mode. The client connects to it instead of an
 * external frontend; being a bean dependency, it is started before any client is built.
 */
public interface EmbeddedTemporalServer {
    /** host:port of the running embedded frontend, for other processes and the temporal CLI. */
    String target();

    /**
     * A channel to the same service without a network in between: no HTTP/2 framing, and protobuf messages
     * passed by reference. This process's own client and workers use it.
     */
    ManagedChannel inProcessChannel();
}
