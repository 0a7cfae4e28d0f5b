package dev.steward.workflows.conversation;

/** The AI's reply to the member, and whether the member was escalated to a human with it. */
public record BotTurn(Turn turn, boolean escalated) {
}
