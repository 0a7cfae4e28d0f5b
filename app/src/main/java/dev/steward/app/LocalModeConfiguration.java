package dev.steward.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration(proxyBeanMethods = false)
@Import(LocalModeReport.class)
class LocalModeConfiguration {

    /** The SDK's Java test server, in real time, when no external Temporal is configured. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${steward.temporal.address:${TEMPORAL_ADDRESS:}}'.isBlank()")
    EmbeddedTemporal embeddedTemporal(LocalModeProperties local) {
        return EmbeddedTemporal.start(local.temporalPort());
    }

    @Bean
    LocalModeProperties localModeProperties(org.springframework.core.env.Environment env) {
        return new LocalModeProperties(env.getProperty("steward.local.temporal-port", Integer.class, 7233));
    }

    record LocalModeProperties(int temporalPort) {
    }

}
