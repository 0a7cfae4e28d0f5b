package dev.steward.core.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param idle            a conversation's workflow ends after this long without a turn (the transcript stays)
 * @param eventsPerRun    turns and state changes per run before continue-as-new
 * @param escalationCoolDown at most one escalation email per conversation in this period
 * @param publicUrl       where the api is reached, for the conversation link in escalation emails
 */
@ConfigurationProperties("steward.conversation")
public record ConversationProperties(Duration idle, int eventsPerRun, Duration escalationCoolDown, String publicUrl) {
}
