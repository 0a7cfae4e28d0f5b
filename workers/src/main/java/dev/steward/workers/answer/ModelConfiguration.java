package dev.steward.workers.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class ModelConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ModelConfiguration.class);

    @Bean
    ChatModel chatModel(AiProperties ai) {
        log.info("Model: Ollama at {}, model {}", ai.baseUrl(), ai.chatModel());
        return new HeartbeatingChatModel(OllamaChatModel.builder()
                .baseUrl(ai.baseUrl())
                .modelName(ai.chatModel())
                .temperature(ai.temperature())
                .timeout(ai.timeout())
                // Temporal retries the activity with backoff; the client must not retry on its own.
                .maxRetries(0)
                .build(), ai.heartbeatInterval());
    }
}
