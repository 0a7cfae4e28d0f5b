package dev.steward.workers;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Activity implementations and the Temporal worker; imported by the workers and local-mode launchers. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:steward-workers.properties")
// Test-only configurations (@TestConfiguration) on the test classpath stay out, as @SpringBootApplication does.
@ComponentScan(excludeFilters = {@ComponentScan.Filter(SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class WorkersModule {
}
