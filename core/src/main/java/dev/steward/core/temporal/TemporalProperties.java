package dev.steward.core.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Temporal frontend is ({@code TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}). An empty address
 * means local mode's embedded server when one is present, else 127.0.0.1:7233.
 */
@ConfigurationProperties("steward.temporal")
public record TemporalProperties(String address, String namespace) {
    public static final String LOCAL_TARGET = "127.0.0.1:7233";

    public boolean addressConfigured() {
        return address != null && !address.isBlank();
    }
}
