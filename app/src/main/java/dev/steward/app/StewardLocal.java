package dev.steward.app;

import dev.steward.api.ApiModule;
import dev.steward.bridge.BridgeModule;
import dev.steward.core.CoreConfiguration;
import dev.steward.workers.WorkersModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Local mode: every part in one JVM. Embedded Temporal server (127.0.0.1:7233) unless TEMPORAL_ADDRESS is
 * set, an H2 database under ./data unless SPRING_DATASOURCE_URL is set, sandbox Discord unless
 * DISCORD_BOT_TOKEN is set.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CoreConfiguration.class, WorkersModule.class, ApiModule.class, BridgeModule.class, LocalModeConfiguration.class})
public class StewardLocal {
    public static void main(String[] args) {
        SpringApplication.run(StewardLocal.class, args);
    }
}
