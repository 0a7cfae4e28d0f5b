package dev.steward.workflows.conversation;

public enum TurnRole {
    MEMBER, BOT, AGENT
}
