package dev.steward.workers.quota;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.SentReply;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.guild.GuildContext;
import dev.steward.workflows.guild.ResponseMode;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageSource;
import dev.steward.workflows.message.MessageWorkflow;
import dev.steward.workflows.message.MessageWorkflowImpl;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationPlan;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.quota.UnavailableNoticeRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * Runs a message workflow whose real charging activity commits its charge and then "crashes" before
 * answering Temporal, so Temporal retries it: the retry must find its ledger row and charge nothing more.
 */
final class ChargeRetryWorkflowRun {
    private ChargeRetryWorkflowRun() {
    }

    static MessageOutcome run(long accountId, QuotaActivities realQuota) {
        return run(accountId, new CrashAfterFirstCharge(realQuota), "retry");
    }

    /** A message workflow with the given (real) quota activities and the rest mocked. */
    static MessageOutcome run(long accountId, QuotaActivities quota, String name) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(TaskQueues.MESSAGES);
            // A bug in the workflow fails the test at once instead of retrying the workflow task forever.
            worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                    .setFailWorkflowExceptionTypes(Throwable.class).build(), MessageWorkflowImpl.class);
            worker.registerActivitiesImplementations(guilds(accountId), moderation(), quota,
                    mockActivity(ConversationActivities.class), answers(), discord(), conversationLink());
            env.start();
            return env.getWorkflowClient().newWorkflowStub(MessageWorkflow.class, WorkflowOptions.newBuilder()
                            .setWorkflowId("message-g-" + name + "-" + accountId).setTaskQueue(TaskQueues.MESSAGES).build())
                    .handle(new IncomingMessage(MessageSource.GATEWAY, "g", "c", "m", "u", "member", false, "hi?",
                            true, false, 0));
        }
    }

    /** The real activity, except that its first charge fails after the database commit. */
    static final class CrashAfterFirstCharge implements QuotaActivities {
        private final QuotaActivities real;
        private final AtomicBoolean crashed = new AtomicBoolean();

        CrashAfterFirstCharge(QuotaActivities real) {
            this.real = real;
        }

        @Override
        public ChargeResult charge(ChargeRequest request) {
            ChargeResult result = real.charge(request);
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("worker lost after the charge was committed");
            }
            return result;
        }

        @Override
        public void refund(ChargeRequest request) {
            real.refund(request);
        }

        @Override
        public boolean claimUnavailableNotice(UnavailableNoticeRequest request) {
            return real.claimUnavailableNotice(request);
        }

        @Override
        public boolean allowMember(dev.steward.workflows.quota.RateRequest request) {
            return real.allowMember(request);
        }
    }

    private static GuildActivities guilds(long accountId) {
        GuildActivities guilds = mockActivity(GuildActivities.class);
        when(guilds.loadContext(any())).thenReturn(new GuildContext(true, accountId, "g", ResponseMode.MENTION));
        return guilds;
    }

    private static ModerationActivities moderation() {
        ModerationActivities moderation = mockActivity(ModerationActivities.class);
        when(moderation.plan(any())).thenReturn(ModerationPlan.skip("moderation off"));
        return moderation;
    }

    private static AnswerActivities answers() {
        AnswerActivities answers = mockActivity(AnswerActivities.class);
        when(answers.generate(any())).thenReturn(new Answer("hello"));
        return answers;
    }

    private static DiscordActivities discord() {
        DiscordActivities discord = mockActivity(DiscordActivities.class);
        when(discord.sendReply(any())).thenReturn(new SentReply(List.of("1")));
        return discord;
    }

    private static ConversationLinkActivities conversationLink() {
        ConversationLinkActivities link = mockActivity(ConversationLinkActivities.class);
        when(link.admitMemberTurn(any())).thenReturn(Admission.ai());
        return link;
    }

    private static <T> T mockActivity(Class<T> type) {
        return mock(type, withSettings().withoutAnnotations());
    }
}
