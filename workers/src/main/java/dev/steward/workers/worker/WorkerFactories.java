package dev.steward.workers.worker;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationWorkflowImpl;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.escalation.EscalationActivities;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.knowledge.IngestDocumentWorkflowImpl;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import dev.steward.workflows.message.MessageWorkflowImpl;
import dev.steward.workflows.moderation.ModerationActionActivities;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.proactive.ProactiveActivities;
import dev.steward.workflows.proactive.ProactivePostWorkflowImpl;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.retention.RetentionActivities;
import dev.steward.workflows.retention.RetentionPurgeWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Builds worker factories with every workflow and activity of Steward registered on its task queues. A
 * factory cannot be restarted once shut down, so each start of the workers takes a fresh one.
 */
@Component
public class WorkerFactories {
    private final WorkflowClient client;
    private final Object[] activities;
    private final Object[] conversationActivities;
    private final WorkerOptions options;

    WorkerFactories(WorkflowClient client, GuildActivities guilds, ModerationActivities moderation,
                    QuotaActivities quota, ConversationActivities conversations, AnswerActivities answers,
                    DiscordActivities discord, KnowledgeActivities knowledge,
                    ModerationActionActivities moderationActions, ProactiveActivities proactive,
                    ConversationLinkActivities conversationLink, EscalationActivities escalations,
                    RetentionActivities retention,
                    @Value("${steward.worker.max-concurrent-activities}") int maxActivities,
                    @Value("${steward.worker.max-concurrent-workflow-tasks}") int maxWorkflowTasks,
                    @Value("${steward.worker.sticky-queue-timeout}") Duration stickyQueueTimeout) {
        this.client = client;
        this.options = WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(maxActivities)
                .setMaxConcurrentLocalActivityExecutionSize(maxActivities)
                .setMaxConcurrentWorkflowTaskExecutionSize(maxWorkflowTasks)
                // Zero turns sticky execution off: every workflow task then replays the whole history.
                .setStickyQueueScheduleToStartTimeout(stickyQueueTimeout)
                // The SDK otherwise sends at most one heartbeat per 80% of the heartbeat timeout, leaving a
                // model call 3 s of slack in its 15 s; every 3 s leaves 12.
                .setMaxHeartbeatThrottleInterval(Duration.ofSeconds(3))
                .build();
        this.activities = new Object[]{guilds, moderation, quota, conversations, answers, discord, knowledge,
                moderationActions, proactive, conversationLink, escalations, retention};
        this.conversationActivities = new Object[]{conversations, discord};
    }

    /** A new factory, not yet started. */
    public WorkerFactory create() {
        return create(client);
    }

    /** A new factory on a connection of its own, not yet started. */
    public WorkerFactory create(WorkflowClient connection) {
        WorkerFactory created = WorkerFactory.newInstance(connection);
        Worker worker = created.newWorker(TaskQueues.MESSAGES, options);
        worker.registerWorkflowImplementationTypes(MessageWorkflowImpl.class, IngestDocumentWorkflowImpl.class,
                ProactivePostWorkflowImpl.class, RetentionPurgeWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities);
        Worker conversationWorker = created.newWorker(TaskQueues.CONVERSATIONS, options);
        conversationWorker.registerWorkflowImplementationTypes(ConversationWorkflowImpl.class);
        conversationWorker.registerActivitiesImplementations(conversationActivities);
        return created;
    }
}
