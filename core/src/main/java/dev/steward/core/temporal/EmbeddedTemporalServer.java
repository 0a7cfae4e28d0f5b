package dev.steward.core.temporal;

/**
 * An in-process Temporal service, present only in local mode. The client connects to it instead of an
 * external frontend; being a bean dependency, it is started before any client is built.
 */
public interface EmbeddedTemporalServer {
    /** host:port of the running embedded frontend. */
    String target();
}
