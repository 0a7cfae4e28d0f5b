package dev.steward.core;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * The part of core that needs no database: the Temporal client, workflow starts and Discord settings. The
 * gateway bridge imports only this, so it never touches PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan({"dev.steward.core.temporal", "dev.steward.core.message", "dev.steward.core.discord"})
@Import(ClockConfiguration.class)
@PropertySource("classpath:steward-core.properties")
public class CoreClientsConfiguration {
}
