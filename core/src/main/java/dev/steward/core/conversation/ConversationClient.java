package dev.steward.core.conversation;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.AgentAction;
import dev.steward.workflows.conversation.AgentReply;
import dev.steward.workflows.conversation.BotTurn;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationSnapshot;
import dev.steward.workflows.conversation.ConversationStart;
import dev.steward.workflows.conversation.ConversationWorkflow;
import dev.steward.workflows.conversation.ConversationWorkflowIds;
import dev.steward.workflows.conversation.Turn;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Functions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to conversation workflows with update-with-start: an agent's first action starts the conversation's
 * workflow, later actions and turns reach the running one. The update id makes a retried call count once.
 */
@Component
@EnableConfigurationProperties(ConversationProperties.class)
public class ConversationClient {
    private final WorkflowClient client;
    private final ConversationProperties properties;

    ConversationClient(WorkflowClient client, ConversationProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    public Admission admit(Turn turn) {
        return update(turn.accountId(), turn.conversation(), "member:" + turn.turnKey(), Admission.class,
                (c, start) -> WorkflowClient.executeUpdateWithStart(c::memberTurn, turn, options("member:" + turn.turnKey(), Admission.class), start));
    }

    public void botTurn(BotTurn turn) {
        Turn t = turn.turn();
        update(t.accountId(), t.conversation(), "bot:" + t.turnKey(), Void.class,
                (c, start) -> WorkflowClient.executeUpdateWithStart(c::botTurn, turn, options("bot:" + t.turnKey(), Void.class), start));
    }

    public ConversationSnapshot takeOver(long accountId, ConversationKey key, AgentAction action, String requestId) {
        return update(accountId, key, requestId, ConversationSnapshot.class,
                (c, start) -> WorkflowClient.executeUpdateWithStart(c::takeOver, action, options(requestId, ConversationSnapshot.class), start));
    }

    public ConversationSnapshot release(long accountId, ConversationKey key, AgentAction action, String requestId) {
        return update(accountId, key, requestId, ConversationSnapshot.class,
                (c, start) -> WorkflowClient.executeUpdateWithStart(c::release, action, options(requestId, ConversationSnapshot.class), start));
    }

    /**
     * Sends an agent's reply through the conversation (retried and recorded like every send). Returns the
     * new state once sent, or null when the send is accepted but still under way after the wait.
     */
    public ConversationSnapshot reply(long accountId, ConversationKey key, AgentReply reply, long waitMillis) {
        String updateId = "reply:" + reply.replyId();
        return update(accountId, key, updateId, ConversationSnapshot.class, (c, start) -> {
            var handle = WorkflowClient.startUpdateWithStart(c::agentReply, reply, UpdateOptions.<ConversationSnapshot>newBuilder()
                    .setUpdateId(updateId).setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), start);
            try {
                return handle.getResultAsync().get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillSending) {
                return null;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException r ? r : new IllegalStateException(failed.getCause());
            }
        });
    }

    /**
     * Ends the conversations' workflows, the first step of deleting their rows: a running one holds recent
     * turns in memory and would write them back.
     */
    public void end(List<ConversationKey> keys, String reason) {
        for (ConversationKey key : keys) {
            try {
                client.newUntypedWorkflowStub(ConversationWorkflowIds.of(key)).terminate(reason);
            } catch (WorkflowNotFoundException alreadyEnded) {
                // nothing in memory to end
            }
        }
    }

    private static <R> UpdateOptions<R> options(String updateId, Class<R> type) {
        return UpdateOptions.<R>newBuilder().setUpdateId(updateId).setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .setResultClass(type).build();
    }

    private <R> R update(long accountId, ConversationKey key, String updateId, Class<R> type,
                         Functions.Func2<ConversationWorkflow, WithStartWorkflowOperation<Void>, R> call) {
        ConversationWorkflow conversation = client.newWorkflowStub(ConversationWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(ConversationWorkflowIds.of(key))
                .setTaskQueue(TaskQueues.CONVERSATIONS)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
        WithStartWorkflowOperation<Void> start = new WithStartWorkflowOperation<>(conversation::run,
                new ConversationStart(accountId, key, properties.idle().toMillis(), properties.eventsPerRun(), null));
        try {
            return call.apply(conversation, start);
        } catch (WorkflowUpdateException refused) {
            throw new ConversationConflict(reason(refused));
        }
    }

    private static String reason(WorkflowUpdateException refused) {
        for (Throwable t = refused.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure failure) {
                return failure.getOriginalMessage();
            }
        }
        return "The conversation refused the action";
    }
}
