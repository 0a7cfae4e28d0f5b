package dev.steward.workflows.conversation;

/** @param replyId chosen by the caller; it keys the Discord nonce and the transcript row, so a retry sends once */
public record AgentReply(String actor, String replyId, String content) {
}
