package dev.steward.workflows.conversation;

import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.ReplyRequest;
import dev.steward.workflows.message.MessageActivityOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

public class ConversationWorkflowImpl implements ConversationWorkflow {
    static final int RECENT_TURNS = 20;
    static final String STEWARD = "steward";

    private final ConversationActivities remoteStore =
            Workflow.newActivityStub(ConversationActivities.class, MessageActivityOptions.STORAGE);
    private final ConversationActivities localStore =
            Workflow.newLocalActivityStub(ConversationActivities.class, MessageActivityOptions.LOCAL_STORAGE);
    private final DiscordActivities discord =
            Workflow.newActivityStub(DiscordActivities.class, MessageActivityOptions.DISCORD);

    private ConversationStart start;
    /** Set before {@link #loaded}, which every handler awaits. */
    private ConversationActivities store;
    private boolean loaded;
    private ConversationMode mode = ConversationMode.AI;
    private String agent;
    private long lastAgentActionMillis;
    private long takeoverTimeoutMillis;
    private boolean escalated;
    private final List<Turn> recentTurns = new ArrayList<>();
    private long epochMillis;
    private long eventSeq;
    /** Turns and state changes in this run: the continue-as-new budget, and what wakes the main loop. */
    private int eventsThisRun;
    private long agentActions;

    @Override
    public void run(ConversationStart start) {
        this.start = start;
        // Since after the first release the database writes run as local activities, inside the workflow task
        // of the update that asks for them: no task queue round trip, one workflow task less per turn.
        store = Workflow.getVersion("conversation-local-store", Workflow.DEFAULT_VERSION, 1) >= 1
                ? localStore : remoteStore;
        restore(start);
        loaded = true;
        while (true) {
            if (mode == ConversationMode.HUMAN) {
                long actions = agentActions;
                long remaining = lastAgentActionMillis + takeoverTimeoutMillis - Workflow.currentTimeMillis();
                boolean interrupted = remaining > 0 && awaitOrTimeout(Duration.ofMillis(remaining),
                        () -> agentActions != actions || mode != ConversationMode.HUMAN || runIsFull());
                if (!interrupted) {
                    resumeAi();
                }
            } else {
                int events = eventsThisRun;
                boolean active = awaitOrTimeout(Duration.ofMillis(start.idleMillis()),
                        () -> eventsThisRun != events || mode != ConversationMode.AI || runIsFull());
                if (!active && Workflow.isEveryHandlerFinished()) {
                    store.close(start.key(), Workflow.currentTimeMillis());
                    return;
                }
            }
            if (runIsFull()) {
                Workflow.await(Workflow::isEveryHandlerFinished);
                Workflow.continueAsNew(start.continued(state()));
            }
        }
    }

    private void restore(ConversationStart start) {
        ConversationSnapshot carried = start.carried();
        if (carried == null) {
            epochMillis = Workflow.currentTimeMillis();
            ConversationHistory history = store.loadHistory(start.key(), RECENT_TURNS);
            recentTurns.addAll(history.recentTurns());
            escalated = history.escalated();
            return;
        }
        mode = carried.mode();
        agent = carried.agent();
        lastAgentActionMillis = carried.lastAgentActionMillis();
        takeoverTimeoutMillis = carried.takeoverTimeoutMillis();
        escalated = carried.escalated();
        recentTurns.addAll(carried.recentTurns());
        epochMillis = carried.epochMillis();
        eventSeq = carried.eventSeq();
    }

    /**
     * Waits for the condition or the timeout, whichever comes first; true when the condition won. The timer
     * lives in its own scope and is cancelled when the condition wins: SDK 1.38's {@code Workflow.await(Duration,
     * condition)} would leave it running, and every reset would leave a timer to fire later.
     */
    private static boolean awaitOrTimeout(Duration timeout, Functions.Func<Boolean> condition) {
        List<Promise<Void>> timer = new ArrayList<>(1);
        CancellationScope scope = Workflow.newCancellationScope(() -> timer.add(Workflow.newTimer(timeout)));
        scope.run();
        Workflow.await(() -> timer.get(0).isCompleted() || condition.apply());
        if (condition.apply()) {
            scope.cancel();
            return true;
        }
        return false;
    }

    private boolean runIsFull() {
        return eventsThisRun >= start.eventsPerRun();
    }

    @Override
    public Admission memberTurn(Turn turn) {
        Workflow.await(() -> loaded);
        if (!seen(turn.turnKey())) {
            record(turn);
        }
        return new Admission(mode == ConversationMode.AI, mode, agent);
    }

    @Override
    public void botTurn(BotTurn turn) {
        Workflow.await(() -> loaded);
        escalated |= turn.escalated();
        if (!seen(turn.turn().turnKey())) {
            record(turn.turn());
        }
    }

    @Override
    public void validateTakeOver(AgentAction action) {
        if (mode == ConversationMode.HUMAN && !action.actor().equals(agent)) {
            throw conflict("Already taken over by " + agent);
        }
    }

    @Override
    public ConversationSnapshot takeOver(AgentAction action) {
        Workflow.await(() -> loaded);
        // Two takeovers can pass validation in one workflow task; the state changes before the first
        // blocking call, so the second one sees it here and loses.
        validateTakeOver(action);
        boolean already = mode == ConversationMode.HUMAN;
        mode = ConversationMode.HUMAN;
        agent = action.actor();
        takeoverTimeoutMillis = Duration.ofSeconds(action.takeoverTimeoutSeconds()).toMillis();
        agentActed();
        if (!already) {
            recordEvent("conversation.takeover", action.actor(), "AI paused; resumes after "
                    + action.takeoverTimeoutSeconds() + " s without agent activity");
        }
        return state();
    }

    @Override
    public void validateAgentReply(AgentReply reply) {
        if (mode != ConversationMode.HUMAN || !reply.actor().equals(agent)) {
            throw conflict(mode == ConversationMode.HUMAN ? "Taken over by " + agent : "Take the conversation over first");
        }
    }

    @Override
    public ConversationSnapshot agentReply(AgentReply reply) {
        Workflow.await(() -> loaded);
        validateAgentReply(reply);
        String turnKey = "agent:" + reply.replyId();
        if (seen(turnKey)) {
            return state();
        }
        agentActed();
        ConversationKey key = start.key();
        boolean sandbox = inSandbox();
        discord.sendReply(new ReplyRequest(key.guildId(), key.channelId(), null, reply.content(), turnKey, null, sandbox));
        record(new Turn(start.accountId(), key, TurnRole.AGENT, turnKey, reply.actor(), reply.content(),
                Workflow.currentTimeMillis(), sandbox));
        recordEvent("conversation.reply", reply.actor(), reply.replyId());
        return state();
    }

    /**
     * Whether the conversation's latest turn came through the sandbox API (or answered one that did): the
     * agent's reply then goes to the sandbox as well, never to Discord through the guild's real bot.
     */
    private boolean inSandbox() {
        return !recentTurns.isEmpty() && recentTurns.get(recentTurns.size() - 1).sandbox();
    }

    @Override
    public void validateRelease(AgentAction action) {
        if (mode != ConversationMode.HUMAN) {
            throw conflict("The AI already has this conversation");
        }
    }

    @Override
    public ConversationSnapshot release(AgentAction action) {
        Workflow.await(() -> loaded);
        validateRelease(action);
        mode = ConversationMode.AI;
        agent = null;
        eventsThisRun++;
        recordEvent("conversation.release", action.actor(), "AI answers again");
        return state();
    }

    @Override
    public ConversationSnapshot state() {
        return new ConversationSnapshot(start.accountId(), start.key(), mode, agent, lastAgentActionMillis,
                takeoverTimeoutMillis, escalated, List.copyOf(recentTurns), epochMillis, eventSeq);
    }

    private void resumeAi() {
        mode = ConversationMode.AI;
        agent = null;
        eventsThisRun++;
        recordEvent("conversation.auto_resume", STEWARD, "No agent activity for "
                + Duration.ofMillis(takeoverTimeoutMillis).toSeconds() + " s; AI answers again");
    }

    private void agentActed() {
        lastAgentActionMillis = Workflow.currentTimeMillis();
        agentActions++;
        eventsThisRun++;
    }

    private boolean seen(String turnKey) {
        return recentTurns.stream().anyMatch(t -> t.turnKey().equals(turnKey));
    }

    private void record(Turn turn) {
        recentTurns.add(turn);
        if (recentTurns.size() > RECENT_TURNS) {
            recentTurns.remove(0);
        }
        eventsThisRun++;
        store.recordTurn(turn);
    }

    private void recordEvent(String action, String actor, String detail) {
        String eventKey = Workflow.getInfo().getWorkflowId() + ":" + epochMillis + ":" + (++eventSeq);
        store.recordEvent(new ConversationEvent(start.accountId(), start.key(), eventKey, action, actor, mode, agent,
                detail, Workflow.currentTimeMillis()));
    }

    private static ApplicationFailure conflict(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, CONFLICT);
    }
}
