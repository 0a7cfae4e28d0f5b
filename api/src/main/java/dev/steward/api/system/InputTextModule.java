package dev.steward.api.system;

import dev.steward.workflows.Texts;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every string of every API body loses NUL and the other meaningless control characters on the way in:
 * PostgreSQL refuses NUL in text, and a refused write must not become a 500 (or a stuck ingestion).
 */
@Configuration(proxyBeanMethods = false)
class InputTextModule {

    @Bean
    JacksonModule cleanStrings() {
        return new SimpleModule("steward-clean-strings").addDeserializer(String.class, new CleanStringDeserializer());
    }

    static final class CleanStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return Texts.clean(super.deserialize(parser, context));
        }
    }
}
