package dev.steward.workers.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The model ({@code OLLAMA_BASE_URL}, {@code OLLAMA_CHAT_MODEL}) and how much context it gets.
 *
 * @param failFastWhenUnreachable give up at once when nothing listens at the model's address (local mode
 *                                without Ollama), instead of retrying for half a minute before the fallback
 * @param heartbeatInterval       how often a model activity heartbeats; well inside its heartbeat timeout (15 s),
 *                                and the SDK sends at most one per 3 s anyway (WorkerFactories)
 */
@ConfigurationProperties("steward.ai")
public record AiProperties(String baseUrl, String chatModel, double temperature, Duration timeout,
                           int historyTurns, int historyChars, int maxMessageChars, int topPassages,
                           boolean failFastWhenUnreachable, Duration heartbeatInterval) {
}
