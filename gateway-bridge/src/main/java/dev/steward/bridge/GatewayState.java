package dev.steward.bridge;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/** The gateway session's state, reported by actuator health as {@code gateway}. */
@Component("gateway")
public class GatewayState implements HealthIndicator {
    public enum Status { DISABLED, CONNECTING, CONNECTED, RECONNECTING }

    private final AtomicReference<Status> status = new AtomicReference<>(Status.DISABLED);

    void set(Status next) {
        status.set(next);
    }

    public Status status() {
        return status.get();
    }

    @Override
    public Health health() {
        Status now = status.get();
        return switch (now) {
            case DISABLED -> Health.up().withDetail("gateway", "off: no DISCORD_BOT_TOKEN (sandbox Discord)").build();
            case CONNECTED -> Health.up().withDetail("gateway", "connected").build();
            default -> Health.outOfService().withDetail("gateway", now.name().toLowerCase()).build();
        };
    }
}
