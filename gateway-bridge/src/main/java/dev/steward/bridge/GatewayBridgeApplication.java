package dev.steward.bridge;

import dev.steward.core.CoreClientsConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The gateway-bridge deployable: turns Discord gateway events into workflow starts, nothing else. */
@SpringBootConfiguration
// The bridge only starts workflows: no datasource, no migrations.
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@Import({CoreClientsConfiguration.class, BridgeModule.class})
public class GatewayBridgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(GatewayBridgeApplication.class, args);
    }
}
