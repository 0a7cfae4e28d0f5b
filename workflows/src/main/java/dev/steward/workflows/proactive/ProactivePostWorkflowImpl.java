package dev.steward.workflows.proactive;

import dev.steward.workflows.ActivityFailures;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.message.MessageActivityOptions;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class ProactivePostWorkflowImpl implements ProactivePostWorkflow {
    private static final ActivityOptions STORAGE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setScheduleToCloseTimeout(Duration.ofMinutes(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
            .build();
    /** A model that does not answer makes this run a recorded skip within minutes, not a retry for hours. */
    private static final ActivityOptions MODEL = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(90))
            .setHeartbeatTimeout(MessageActivityOptions.MODEL_HEARTBEAT)
            .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(5))
                    .setMaximumAttempts(3).build())
            .build();
    private static final ActivityOptions DISCORD = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
            .build();

    private final ProactiveActivities storage = Workflow.newActivityStub(ProactiveActivities.class, STORAGE);
    private final ProactiveActivities writer = Workflow.newActivityStub(ProactiveActivities.class, MODEL);
    private final ProactiveActivities discord = Workflow.newActivityStub(ProactiveActivities.class, DISCORD);
    private final QuotaActivities quota = Workflow.newActivityStub(QuotaActivities.class, STORAGE);

    @Override
    public PostOutcome post(String guildId) {
        String runKey = "proactive-" + guildId + "-" + Workflow.getInfo().getRunId();
        PostPlan plan = storage.plan(guildId);
        if (plan.skip()) {
            return finish(guildId, runKey, PostOutcome.skipped(plan.reason()), plan.channelName(), null, null);
        }
        // The task's time, not the run's start: a cron run is created when the previous one ends and then waits
        // for its slot, so its start can lie in the previous period. The charge is an activity, whose input is
        // recorded when it is scheduled, so a retry keeps this time.
        ChargeRequest charge = new ChargeRequest(plan.accountId(), guildId, runKey, ChargeKind.PROACTIVE,
                Workflow.currentTimeMillis());
        if (quota.charge(charge).refused()) {
            return finish(guildId, runKey, PostOutcome.skipped("quota spent"), plan.channelName(), null, null);
        }
        PostDraft draft;
        try {
            draft = writer.write(guildId, runKey);
        } catch (ActivityFailure modelFailed) {
            draft = new PostDraft(true, "model unavailable: " + ActivityFailures.reason(modelFailed), null, null);
        }
        if (draft.skip()) {
            quota.refund(charge);
            return finish(guildId, runKey, PostOutcome.skipped(draft.reason()), plan.channelName(), draft.topic(), null);
        }
        try {
            String messageId = discord.send(guildId, plan.channelName(), draft.content(), runKey);
            return finish(guildId, runKey, new PostOutcome(PostOutcome.Status.POSTED, "", messageId), plan.channelName(),
                    draft.topic(), draft.content());
        } catch (ActivityFailure sendFailed) {
            quota.refund(charge);
            return finish(guildId, runKey, new PostOutcome(PostOutcome.Status.FAILED, ActivityFailures.reason(sendFailed), null),
                    plan.channelName(), draft.topic(), draft.content());
        }
    }

    private PostOutcome finish(String guildId, String runKey, PostOutcome outcome, String channel, String topic,
                               String content) {
        storage.record(new PostRecord(guildId, runKey, outcome, channel, topic, content, Workflow.currentTimeMillis()));
        return outcome;
    }
}
