package dev.steward.workers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Activity implementations and the Temporal worker; imported by the workers and local-mode launchers. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:steward-workers.properties")
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
public class WorkersModule {
}
