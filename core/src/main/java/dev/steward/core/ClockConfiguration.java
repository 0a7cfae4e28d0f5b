package dev.steward.core;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    /** One clock for the whole service, so tests can replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
