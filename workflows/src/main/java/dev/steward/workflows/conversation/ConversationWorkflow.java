package dev.steward.workflows.conversation;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One member's conversation in one channel: records every turn, holds who answers (AI or an agent), and
 * hands the conversation back to the AI after the takeover timeout without agent activity. Updates, not
 * signals, so callers learn the outcome (admitted or not, 409 for a lost race) in the same call.
 */
@WorkflowInterface
public interface ConversationWorkflow {
    /** Failure type of a refused agent action; the API answers 409. */
    String CONFLICT = "ConversationConflict";

    @WorkflowMethod
    void run(ConversationStart start);

    /** Records the member's turn and tells whether the AI may answer it. */
    @UpdateMethod
    Admission memberTurn(Turn turn);

    @UpdateMethod
    void botTurn(BotTurn turn);

    @UpdateMethod
    ConversationSnapshot takeOver(AgentAction action);

    @UpdateValidatorMethod(updateName = "takeOver")
    void validateTakeOver(AgentAction action);

    @UpdateMethod
    ConversationSnapshot agentReply(AgentReply reply);

    @UpdateValidatorMethod(updateName = "agentReply")
    void validateAgentReply(AgentReply reply);

    @UpdateMethod
    ConversationSnapshot release(AgentAction action);

    @UpdateValidatorMethod(updateName = "release")
    void validateRelease(AgentAction action);

    @QueryMethod
    ConversationSnapshot state();
}
