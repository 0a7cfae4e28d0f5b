package dev.steward.workers.worker;

import dev.steward.workflows.TaskQueues;
import io.temporal.worker.WorkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Polls the task queues while the application runs. Started as a lifecycle bean, after every bean exists,
 * and shut down gracefully so in-flight activities finish.
 */
@Component
public class TemporalWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TemporalWorkers.class);

    private final WorkerFactories factories;
    private volatile WorkerFactory factory;
    private volatile boolean running;

    TemporalWorkers(WorkerFactories factories) {
        this.factories = factories;
        this.factory = factories.create();
    }

    @Override
    public void start() {
        if (factory.isShutdown() || factory.isTerminated()) {
            factory = factories.create();
        }
        factory.start();
        running = true;
        log.info("Temporal workers polling task queues {} and {}", TaskQueues.MESSAGES, TaskQueues.CONVERSATIONS);
    }

    @Override
    public void stop() {
        factory.shutdown();
        factory.awaitTermination(20, TimeUnit.SECONDS);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
