package dev.steward.workflows.conversation;

/**
 * An agent taking over or releasing a conversation.
 *
 * @param takeoverTimeoutSeconds agent inactivity after which the AI resumes (the guild's setting, read at takeover)
 */
public record AgentAction(String actor, long takeoverTimeoutSeconds) {
}
