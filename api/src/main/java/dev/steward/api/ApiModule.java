package dev.steward.api;

import dev.steward.api.auth.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The REST dashboard API and the sandbox; imported by the api and local-mode launchers. */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:steward-api.properties")
@ComponentScan(excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
public class ApiModule {
    static {
        // The caller comes from the Authorization header, not from a request parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
