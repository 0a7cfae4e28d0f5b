package dev.steward.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@Import(LocalModeReport.class)
class LocalModeConfiguration {

    /** The SDK's Java test server, in real time, when no external Temporal is configured. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${steward.temporal.address:${TEMPORAL_ADDRESS:}}'.isBlank()")
    EmbeddedTemporal embeddedTemporal(LocalModeProperties local) {
        if (local.temporalRetention().isNegative() || local.temporalRetention().isZero()) {
            throw new IllegalArgumentException("steward.local.temporal-retention must be positive, not "
                    + local.temporalRetention());
        }
        return EmbeddedTemporal.start(local.temporalPort(), local.temporalRetention());
    }

    @Bean
    LocalModeProperties localModeProperties(@Value("${steward.local.temporal-port:7233}") int temporalPort,
                                            @Value("${steward.local.temporal-retention:1h}") Duration retention) {
        return new LocalModeProperties(temporalPort, retention);
    }

    record LocalModeProperties(int temporalPort, Duration temporalRetention) {
    }

}
