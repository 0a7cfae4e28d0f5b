package dev.steward.api;

import dev.steward.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The api deployable: dashboard REST API on SERVER_PORT (8080). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, ApiModule.class})
public class ApiApplication {
    public static void main(String[] args) {
        SpringApplication.run(ApiApplication.class, args);
    }
}
