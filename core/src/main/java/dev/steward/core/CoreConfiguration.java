package dev.steward.core;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Everything core offers: the clients plus persistence and plans. Imported by the workers, api and app. */
@Configuration(proxyBeanMethods = false)
@Import(CoreClientsConfiguration.class)
@ComponentScan({"dev.steward.core.account", "dev.steward.core.guild", "dev.steward.core.conversation",
        "dev.steward.core.quota", "dev.steward.core.audit", "dev.steward.core.sandbox",
        "dev.steward.core.knowledge", "dev.steward.core.moderation", "dev.steward.core.proactive",
        "dev.steward.core.ratelimit", "dev.steward.core.bot", "dev.steward.core.secret"})
@EnableJdbcRepositories
public class CoreConfiguration {
}
