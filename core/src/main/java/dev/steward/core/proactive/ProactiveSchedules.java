package dev.steward.core.proactive;

import dev.steward.core.guild.Guild;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.proactive.PostFrequency;
import dev.steward.workflows.proactive.ProactivePostWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * Makes a guild's cron workflow match its settings: enabled starts it, a new frequency restarts it, disabled
 * stops it. The running schedule is read from the workflow's memo, so this works on any Temporal server
 * (including the embedded one, which cannot list workflows).
 */
@Component
public class ProactiveSchedules {
    private static final Logger log = LoggerFactory.getLogger(ProactiveSchedules.class);
    private static final String FREQUENCY = "frequency";
    private final WorkflowClient client;

    ProactiveSchedules(WorkflowClient client) {
        this.client = client;
    }

    public void apply(Guild guild) {
        String id = ProactivePostWorkflow.cronWorkflowId(guild.discordGuildId());
        Optional<String> running = runningFrequency(id);
        PostFrequency wanted = guild.proactive().enabled() ? guild.proactive().frequency() : null;
        if (running.isPresent() && (wanted == null || !running.get().equals(wanted.name()))) {
            client.newUntypedWorkflowStub(id).terminate(wanted == null ? "proactive posts disabled" : "frequency changed");
            log.info("Proactive posts for guild {}: stopped the {} schedule", guild.discordGuildId(), running.get());
        }
        if (wanted != null && (running.isEmpty() || !running.get().equals(wanted.name()))) {
            start(id, guild.discordGuildId(), wanted);
        }
    }

    /** Ends the guild's schedule, if one runs: a disconnected guild gets no more runs. */
    public void stop(String guildId) {
        try {
            client.newUntypedWorkflowStub(ProactivePostWorkflow.cronWorkflowId(guildId)).terminate("guild disconnected");
        } catch (WorkflowNotFoundException none) {
            // no schedule
        }
    }

    /** A one-off run now, outside the schedule. Returns its workflow id. */
    public String postNow(String guildId, long nonce) {
        String id = "proactive-now-" + guildId + "-" + nonce;
        ProactivePostWorkflow workflow = client.newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.MESSAGES).build());
        WorkflowClient.start(workflow::post, guildId);
        return id;
    }

    private void start(String id, String guildId, PostFrequency frequency) {
        ProactivePostWorkflow workflow = client.newWorkflowStub(ProactivePostWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(TaskQueues.MESSAGES).setCronSchedule(frequency.cron())
                .setMemo(Map.<String, Object>of(FREQUENCY, frequency.name())).build());
        try {
            WorkflowClient.start(workflow::post, guildId);
            log.info("Proactive posts for guild {}: scheduled {} ({})", guildId, frequency, frequency.cron());
        } catch (WorkflowExecutionAlreadyStarted raced) {
            log.debug("Proactive schedule {} was started concurrently", id);
        }
    }

    private Optional<String> runningFrequency(String id) {
        try {
            WorkflowExecutionDescription description = client.newUntypedWorkflowStub(id).describe();
            if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                return Optional.empty();
            }
            Object frequency = description.getMemo(FREQUENCY, String.class);
            return Optional.ofNullable(frequency == null ? null : frequency.toString());
        } catch (WorkflowNotFoundException none) {
            return Optional.empty();
        }
    }

    /** Whether a guild's schedule runs, for tests and health. */
    public boolean isRunning(String guildId) {
        return runningFrequency(ProactivePostWorkflow.cronWorkflowId(guildId)).isPresent();
    }
}
