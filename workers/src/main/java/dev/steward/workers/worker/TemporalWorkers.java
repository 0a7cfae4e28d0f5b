package dev.steward.workers.worker;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationWorkflowImpl;
import dev.steward.workflows.escalation.EscalationActivities;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.knowledge.IngestDocumentWorkflowImpl;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import dev.steward.workflows.message.MessageWorkflowImpl;
import dev.steward.workflows.moderation.ModerationActionActivities;
import dev.steward.workflows.proactive.ProactiveActivities;
import dev.steward.workflows.proactive.ProactivePostWorkflowImpl;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.retention.RetentionActivities;
import dev.steward.workflows.retention.RetentionPurgeWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Registers the workflows and activity beans and polls the task queue while the application runs. Started
 * as a lifecycle bean, after every bean exists, and shut down gracefully so in-flight activities finish.
 */
@Component
public class TemporalWorkers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TemporalWorkers.class);

    private final WorkflowClient client;
    private final Object[] activities;
    private final Object[] conversationActivities;
    private final WorkerOptions options;
    private volatile WorkerFactory factory;
    private volatile boolean running;

    TemporalWorkers(WorkflowClient client, GuildActivities guilds, ModerationActivities moderation,
                    QuotaActivities quota, ConversationActivities conversations, AnswerActivities answers,
                    DiscordActivities discord, KnowledgeActivities knowledge,
                    ModerationActionActivities moderationActions, ProactiveActivities proactive,
                    ConversationLinkActivities conversationLink, EscalationActivities escalations,
                    RetentionActivities retention,
                    @Value("${steward.worker.max-concurrent-activities}") int maxActivities,
                    @Value("${steward.worker.max-concurrent-workflow-tasks}") int maxWorkflowTasks) {
        this.client = client;
        this.options = WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(maxActivities)
                .setMaxConcurrentLocalActivityExecutionSize(maxActivities)
                .setMaxConcurrentWorkflowTaskExecutionSize(maxWorkflowTasks)
                .build();
        this.activities = new Object[]{guilds, moderation, quota, conversations, answers, discord, knowledge,
                moderationActions, proactive, conversationLink, escalations, retention};
        this.conversationActivities = new Object[]{conversations, discord};
        this.factory = newFactory();
    }

    /** A factory cannot be restarted once shut down, so a stopped lifecycle starts with a fresh one. */
    private WorkerFactory newFactory() {
        WorkerFactory created = WorkerFactory.newInstance(client);
        Worker worker = created.newWorker(TaskQueues.MESSAGES, options);
        worker.registerWorkflowImplementationTypes(MessageWorkflowImpl.class, IngestDocumentWorkflowImpl.class,
                ProactivePostWorkflowImpl.class, RetentionPurgeWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        Worker conversationWorker = created.newWorker(TaskQueues.CONVERSATIONS, options);
        conversationWorker.registerWorkflowImplementationTypes(ConversationWorkflowImpl.class);
        conversationWorker.registerActivitiesImplementations(conversationActivities);
        return created;
    }

    @Override
    public void start() {
        if (factory.isShutdown() || factory.isTerminated()) {
            factory = newFactory();
        }
        factory.start();
        running = true;
        log.info("Temporal workers polling task queue {}", TaskQueues.MESSAGES);
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
