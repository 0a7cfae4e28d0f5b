package dev.steward.core.conversation;

import dev.steward.workflows.conversation.TurnRole;

public record StoredTurn(TurnRole role, String authorName, String content) {
}
