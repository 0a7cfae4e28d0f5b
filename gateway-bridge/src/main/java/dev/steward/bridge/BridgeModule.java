package dev.steward.bridge;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;

/** The Discord gateway session; imported by the gateway-bridge and local-mode launchers. */
@Configuration(proxyBeanMethods = false)
// Test-only configurations (@TestConfiguration) on the test classpath stay out, as @SpringBootApplication does.
@ComponentScan(excludeFilters = {@ComponentScan.Filter(SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class BridgeModule {
}
