package dev.steward.testing.discord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A payload the client sent to the fake gateway, in arrival order.
 *
 * @param op   the gateway opcode ({@link GatewayPayloads#OP_IDENTIFY} and so on)
 * @param data the {@code d} field (a {@code NullNode} when absent)
 * @param json the payload text as received
 */
public record ReceivedPayload(int op, JsonNode data, String json) {
}
