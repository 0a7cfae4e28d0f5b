package dev.steward.workers.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
class EmbeddingConfiguration {
    /**
     * all-MiniLM-L6-v2 (quantized) runs in-process from its Maven artifact: 384 normalized dimensions, no
     * network, one thread per embedding ({@link MiniLmEmbeddingModel}). Lazy, because loading takes about a
     * second and only ingestion and retrieval need it.
     */
    @Bean
    @Lazy
    EmbeddingModel embeddingModel() {
        return new MiniLmEmbeddingModel();
    }
}
