package dev.steward.bridge;

import dev.steward.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The gateway-bridge deployable: turns Discord gateway events into workflow starts, nothing else. */
@SpringBootConfiguration
// The bridge starts workflows and reads which custom bots exist; it writes nothing itself.
@EnableAutoConfiguration
@Import({CoreConfiguration.class, BridgeModule.class})
public class GatewayBridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(GatewayBridgeApplication.class, args);
    }
}
