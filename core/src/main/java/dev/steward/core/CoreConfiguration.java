package dev.steward.core;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** What every deployable shares: persistence, plans and the Temporal client. Imported by each main class. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
@EnableJdbcRepositories
@PropertySource("classpath:steward-core.properties")
public class CoreConfiguration {
}
