package dev.steward.core;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * What every deployable shares: the Temporal client, workflow starts, Discord settings, persistence, plans
 * and secrets. Imported by each main class.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"dev.steward.core.temporal", "dev.steward.core.message", "dev.steward.core.discord",
        "dev.steward.core.account", "dev.steward.core.guild", "dev.steward.core.conversation",
        "dev.steward.core.quota", "dev.steward.core.audit", "dev.steward.core.sandbox",
        "dev.steward.core.knowledge", "dev.steward.core.moderation", "dev.steward.core.proactive",
        "dev.steward.core.ratelimit", "dev.steward.core.bot", "dev.steward.core.secret", "dev.steward.core.retention",
        "dev.steward.core.cache"})
@Import(ClockConfiguration.class)
@EnableJdbcRepositories
@PropertySource("classpath:steward-core.properties")
public class CoreConfiguration {
}
