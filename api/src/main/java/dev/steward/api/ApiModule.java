package dev.steward.api;

import dev.steward.api.auth.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The REST dashboard API and the sandbox; imported by the api and local-mode launchers. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:steward-api.properties")
// Test-only configurations (@TestConfiguration) on the test classpath stay out, as @SpringBootApplication does.
@ComponentScan(excludeFilters = {@ComponentScan.Filter(SpringBootConfiguration.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class ApiModule {
    static {
        // The caller comes from the Authorization header, not from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
