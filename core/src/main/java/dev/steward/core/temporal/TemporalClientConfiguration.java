package dev.steward.core.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalProperties.class)
class TemporalClientConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TemporalClientConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    WorkflowServiceStubs workflowServiceStubs(TemporalProperties properties,
                                              ObjectProvider<EmbeddedTemporalServer> embedded) {
        EmbeddedTemporalServer server = properties.addressConfigured() ? null : embedded.getIfAvailable();
        String target = server != null ? server.target()
                : properties.addressConfigured() ? properties.address() : TemporalProperties.LOCAL_TARGET;
        log.info("Temporal: {} frontend at {}, namespace {}", server != null ? "embedded" : "external", target,
                properties.namespace() + (server != null ? "; this process connects in process" : ""));
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder();
        // Lazy stubs: a deployable starts even while the frontend is still coming up; calls retry.
        return WorkflowServiceStubs.newServiceStubs(server != null
                ? options.setChannel(server.inProcessChannel()).build()
                : options.setTarget(target).build());
    }

    @Bean
    WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalProperties properties) {
        return WorkflowClient.newInstance(stubs,
                WorkflowClientOptions.newBuilder().setNamespace(properties.namespace()).build());
    }

    @Bean
    TemporalHealthIndicator temporalHealthIndicator(WorkflowServiceStubs stubs, TemporalProperties properties) {
        return new TemporalHealthIndicator(stubs, properties.namespace());
    }
}
