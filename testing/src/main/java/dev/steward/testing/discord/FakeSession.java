package dev.steward.testing.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * A Discord gateway session: created by IDENTIFY, continued by RESUME. It numbers dispatches (the {@code s}
 * field) and keeps them all, so a RESUME can replay what the client missed, as Discord does.
 */
final class FakeSession {
    final String id;
    private final List<String> sent = new ArrayList<>(); // sent.get(i) carries s = i + 1
    private FakeConnection live;

    FakeSession(String id) {
        this.id = id;
    }

    /** Binds the session to the connection that identified and sends READY and the GUILD_CREATEs, atomically. */
    synchronized void start(FakeConnection connection, String readyJson, List<String> guildCreateJsons) {
        live = connection;
        dispatch("READY", readyJson);
        guildCreateJsons.forEach(guild -> dispatch("GUILD_CREATE", guild));
    }

    synchronized void dispatch(String eventType, String dataJson) {
        String payload = GatewayPayloads.dispatch(eventType, dataJson, sent.size() + 1);
        sent.add(payload);
        if (live != null) {
            live.send(payload);
        }
    }

    /**
     * Moves the session to {@code connection}: replays every dispatch after {@code clientSeq} plus the last
     * {@code redeliver} ones the client already had, then RESUMED. Returns a previous live connection to drop.
     */
    synchronized FakeConnection resume(FakeConnection connection, int clientSeq, int redeliver) {
        FakeConnection previous = live == connection ? null : live;
        live = connection;
        int from = Math.max(0, Math.min(clientSeq, sent.size()) - redeliver);
        for (int i = from; i < sent.size(); i++) {
            connection.send(sent.get(i));
        }
        dispatch("RESUMED", "{\"_trace\":[\"[\\\"fake-discord-gateway\\\"]\"]}");
        return previous;
    }

    synchronized void detach(FakeConnection connection) {
        if (live == connection) {
            live = null;
        }
    }

    synchronized boolean isLive() {
        return live != null;
    }
}
