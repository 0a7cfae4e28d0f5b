package dev.steward.workers;

import dev.steward.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The workers deployable: polls Temporal and runs workflows and activities. Scale it out. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, WorkersModule.class})
public class WorkersApplication {
    public static void main(String[] args) {
        SpringApplication.run(WorkersApplication.class, args);
    }
}
