package dev.steward.workflows.message;

import dev.steward.workflows.ActivityFailures;
import dev.steward.workflows.guild.GuildContext;
import dev.steward.workflows.moderation.ModerationAction;
import dev.steward.workflows.moderation.ModerationActionActivities;
import dev.steward.workflows.moderation.ModerationActionRequest;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationDecision;
import dev.steward.workflows.moderation.ModerationLogEntry;
import dev.steward.workflows.moderation.ModerationPlan;
import dev.steward.workflows.moderation.ModerationRequest;
import dev.steward.workflows.moderation.ModerationSource;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.QuotaActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;

/**
 * Moderation inside the message workflow: fast filters first (free), then, when needed, one charged AI
 * verdict; then each action as its own activity and a log entry for each, done or failed. When in doubt
 * (the AI keeps failing, the quota is spent) nothing is done.
 */
final class ModerationStep {
    private static final Logger log = Workflow.getLogger(ModerationStep.class);
    /** The AI verdict gets a few quick attempts: moderation must not hold the answer up for long. */
    private static final ActivityOptions JUDGE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(60))
            .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumAttempts(3).build())
            .build();

    private final ModerationActivities storage;
    private final ModerationActivities judge = Workflow.newActivityStub(ModerationActivities.class, JUDGE);
    private final ModerationActionActivities actions =
            Workflow.newActivityStub(ModerationActionActivities.class, MessageActivityOptions.DISCORD);
    private final QuotaActivities quota;

    /** @param localStorage the plan and the log as local activities (see MessageWorkflowImpl) */
    ModerationStep(QuotaActivities quota, boolean localStorage) {
        this.quota = quota;
        this.storage = localStorage
                ? Workflow.newLocalActivityStub(ModerationActivities.class, MessageActivityOptions.LOCAL_STORAGE)
                : Workflow.newActivityStub(ModerationActivities.class, MessageActivityOptions.STORAGE);
    }

    ModerationDecision run(GuildContext guild, IncomingMessage message, String key) {
        ModerationRequest request = new ModerationRequest(guild.accountId(), key, message);
        ModerationPlan plan = storage.plan(request);
        ModerationDecision decision = switch (plan.step()) {
            case SKIP -> ModerationDecision.none(ModerationSource.FILTER, plan.note());
            case DECIDED -> plan.decision();
            case ASK_AI -> askAi(guild, request, key);
        };
        for (ModerationAction action : decision.actions()) {
            String failure = isAskQuestion(action, message) ? "" : perform(action, new ModerationActionRequest(
                    message.guildId(), message.channelId(), message.messageId(), message.authorId(), decision.reason(),
                    decision.timeoutMinutes(), key + ":" + action.name().toLowerCase(), message.fromSandbox()));
            storage.log(new ModerationLogEntry(guild.accountId(), key, message, decision, action, failure,
                    Workflow.currentTimeMillis()));
        }
        return decision;
    }

    /**
     * An /ask question is no channel message, and its id is the interaction's: there is nothing to delete, and the
     * answer withheld (the member is told why) is the removal. Older executions tried the delete (and logged a 404).
     */
    private static boolean isAskQuestion(ModerationAction action, IncomingMessage message) {
        return action == ModerationAction.DELETE && message.source() == MessageSource.ASK
                && Workflow.getVersion("ask-question-not-deleted", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    private ModerationDecision askAi(GuildContext guild, ModerationRequest request, String key) {
        if (quota.charge(ChargeRequest.inThisRun(guild.accountId(), guild.guildId(), key, ChargeKind.MODERATION))
                .refused()) {
            return ModerationDecision.none(ModerationSource.AI, "quota spent: no AI check");
        }
        try {
            return judge.judge(request);
        } catch (ActivityFailure failed) {
            log.warn("AI moderation failed for {}; taking no action", key);
            return ModerationDecision.none(ModerationSource.AI, "AI check failed");
        }
    }

    /** Runs one action; returns why it failed, or an empty string when it was done. */
    private String perform(ModerationAction action, ModerationActionRequest request) {
        try {
            switch (action) {
                case DELETE -> actions.deleteMessage(request);
                case WARN -> actions.warnMember(request);
                case TIMEOUT -> actions.timeoutMember(request);
                case KICK -> actions.kickMember(request);
                case BAN -> actions.banMember(request);
                case NONE -> {
                    return "";
                }
            }
            return "";
        } catch (ActivityFailure failed) {
            return ActivityFailures.reason(failed);
        }
    }
}
