package dev.steward.bridge;

/** The state of one bot's gateway session. */
final class GatewayState {
    enum Status { DISABLED, CONNECTING, CONNECTED, RECONNECTING }

    private GatewayState() {
    }
}
