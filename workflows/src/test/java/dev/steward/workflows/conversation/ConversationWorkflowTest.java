package dev.steward.workflows.conversation;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.ReplyRequest;
import dev.steward.workflows.discord.SentReply;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/** Takeover, the inactivity timer, release and continue-as-new, in skipped time with mocked activities. */
class ConversationWorkflowTest {
    static final ConversationKey KEY = new ConversationKey("100", "200", "400");
    static final String ID = ConversationWorkflowIds.of(KEY);
    static final AgentAction BOB = new AgentAction("agent:bob", 180);
    static final AgentAction CAROL = new AgentAction("agent:carol", 180);

    TestWorkflowEnvironment env;
    WorkflowClient client;
    ConversationActivities store = mock(ConversationActivities.class, withSettings().withoutAnnotations());
    DiscordActivities discord = mock(DiscordActivities.class, withSettings().withoutAnnotations());
    ConversationWorkflow conversation;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TaskQueues.CONVERSATIONS);
        worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(Throwable.class).build(), ConversationWorkflowImpl.class);
        worker.registerActivitiesImplementations(store, discord);
        env.start();
        client = env.getWorkflowClient();
        when(store.loadHistory(any(), anyInt())).thenReturn(new ConversationHistory(
                List.of(turn("earlier", TurnRole.MEMBER, "old question")), false));
        when(discord.sendReply(any())).thenReturn(new SentReply(List.of("901")));
    }

    @AfterEach
    void stop() {
        env.close();
    }

    ConversationWorkflow begin(int eventsPerRun) {
        conversation = client.newWorkflowStub(ConversationWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(ID).setTaskQueue(TaskQueues.CONVERSATIONS).build());
        WorkflowClient.start(conversation::run, new ConversationStart(7, KEY, Duration.ofDays(1).toMillis(),
                eventsPerRun, null));
        return client.newWorkflowStub(ConversationWorkflow.class, ID);
    }

    static Turn turn(String key, TurnRole role, String content) {
        return new Turn(7, KEY, role, key, "alice", content, 0, false);
    }

    private List<String> events() {
        ArgumentCaptor<ConversationEvent> events = ArgumentCaptor.forClass(ConversationEvent.class);
        verify(store, atLeastOnce()).recordEvent(events.capture());
        return events.getAllValues().stream().map(ConversationEvent::action).toList();
    }

    private List<HistoryEvent> history(EventType type) {
        List<HistoryEvent> found = new ArrayList<>();
        client.fetchHistory(ID).getEvents().forEach(e -> {
            if (e.getEventType() == type) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void freshConversationReloadsRecentTurnsAndAdmitsTheAi() {
        ConversationWorkflow c = begin(500);
        Admission admission = c.memberTurn(turn("m1:member", TurnRole.MEMBER, "how do I reset?"));

        assertThat(admission.aiMayAnswer()).isTrue();
        assertThat(c.state().recentTurns()).extracting(Turn::turnKey).containsExactly("earlier", "m1:member");
        verify(store).recordTurn(turn("m1:member", TurnRole.MEMBER, "how do I reset?"));
    }

    /** A conversation whose latest turn came through the sandbox API gets the agent's reply in the sandbox. */
    @Test
    void anAgentReplyFollowsTheLatestTurnIntoOrOutOfTheSandbox() {
        when(store.loadHistory(any(), anyInt())).thenReturn(new ConversationHistory(
                List.of(new Turn(7, KEY, TurnRole.MEMBER, "s1:member", "alice", "from the sandbox", 0, true)), false));
        ConversationWorkflow c = begin(500);
        c.takeOver(BOB);
        c.agentReply(new AgentReply("agent:bob", "r1", "Sandbox reply."));
        c.memberTurn(turn("m2:member", TurnRole.MEMBER, "from Discord"));
        c.agentReply(new AgentReply("agent:bob", "r2", "Discord reply."));

        ArgumentCaptor<ReplyRequest> sent = ArgumentCaptor.forClass(ReplyRequest.class);
        verify(discord, times(2)).sendReply(sent.capture());
        assertThat(sent.getAllValues()).extracting(ReplyRequest::content, ReplyRequest::sandbox)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Sandbox reply.", true),
                        org.assertj.core.groups.Tuple.tuple("Discord reply.", false));
        assertThat(c.state().recentTurns()).filteredOn(t -> t.role() == TurnRole.AGENT).extracting(Turn::sandbox)
                .containsExactly(true, false);
    }

    @Test
    void aRetriedMemberTurnIsRecordedOnce() {
        ConversationWorkflow c = begin(500);
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "hi"));
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "hi"));

        verify(store, times(1)).recordTurn(any());
    }

    @Test
    void takeoverPausesTheAiAndAgentSilenceResumesItAfterThreeMinutes() {
        ConversationWorkflow c = begin(500);
        ConversationSnapshot taken = c.takeOver(BOB);
        assertThat(taken.mode()).isEqualTo(ConversationMode.HUMAN);
        assertThat(taken.agent()).isEqualTo("agent:bob");
        assertThat(c.memberTurn(turn("m1:member", TurnRole.MEMBER, "hello?")).aiMayAnswer()).isFalse();

        env.sleep(Duration.ofSeconds(179));
        assertThat(c.state().mode()).isEqualTo(ConversationMode.HUMAN);
        env.sleep(Duration.ofSeconds(2));
        assertThat(c.state().mode()).isEqualTo(ConversationMode.AI);
        assertThat(c.memberTurn(turn("m2:member", TurnRole.MEMBER, "anyone?")).aiMayAnswer()).isTrue();
        assertThat(events()).containsExactly("conversation.takeover", "conversation.auto_resume");
    }

    @Test
    void anAgentReplyAtTwoFiftyNineResetsTheTimerAndLeavesNoOrphanTimer() {
        ConversationWorkflow c = begin(500);
        c.takeOver(BOB);
        env.sleep(Duration.ofSeconds(179));
        ConversationSnapshot after = c.agentReply(new AgentReply("agent:bob", "r1", "Let me check that for you."));
        assertThat(after.recentTurns()).extracting(Turn::role).contains(TurnRole.AGENT);

        env.sleep(Duration.ofSeconds(170));
        assertThat(c.state().mode()).as("349 s after takeover, 170 s after the reply").isEqualTo(ConversationMode.HUMAN);
        env.sleep(Duration.ofSeconds(11));
        assertThat(c.state().mode()).isEqualTo(ConversationMode.AI);

        ArgumentCaptor<ReplyRequest> sent = ArgumentCaptor.forClass(ReplyRequest.class);
        verify(discord).sendReply(sent.capture());
        assertThat(sent.getValue().content()).isEqualTo("Let me check that for you.");
        assertThat(sent.getValue().nonceSeed()).isEqualTo("agent:r1");
        assertThat(sent.getValue().channelId()).isEqualTo("200");
        // The takeover timer was cancelled by the reply; only the reset timer fired (and nothing else later).
        env.sleep(Duration.ofMinutes(10));
        assertThat(history(EventType.EVENT_TYPE_TIMER_CANCELED)).isNotEmpty();
        assertThat(history(EventType.EVENT_TYPE_TIMER_FIRED)).hasSize(1);
        assertThat(events()).containsExactly("conversation.takeover", "conversation.reply", "conversation.auto_resume");
    }

    @Test
    void releaseHandsBackAtOnceAndTheTimerNeverFires() {
        ConversationWorkflow c = begin(500);
        c.takeOver(BOB);
        ConversationSnapshot released = c.release(BOB);

        assertThat(released.mode()).isEqualTo(ConversationMode.AI);
        env.sleep(Duration.ofMinutes(5));
        assertThat(history(EventType.EVENT_TYPE_TIMER_FIRED)).isEmpty();
        assertThat(events()).containsExactly("conversation.takeover", "conversation.release");
    }

    @Test
    void secondAgentGetsAConflictAndOnlyTheOwnerMayReply() {
        ConversationWorkflow c = begin(500);
        c.takeOver(BOB);

        assertThatThrownBy(() -> c.takeOver(CAROL)).isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOf(ApplicationFailure.class)
                .extracting(e -> ((ApplicationFailure) e).getOriginalMessage()).asString()
                .contains("Already taken over by agent:bob");
        assertThatThrownBy(() -> c.agentReply(new AgentReply("agent:carol", "r2", "hi")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThat(c.state().agent()).isEqualTo("agent:bob");
        verify(discord, never()).sendReply(any());
    }

    @Test
    void twoAgentsRacingForTheSameConversationExactlyOneWins() {
        ConversationWorkflow c = begin(500);
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "help"));
        List<CompletableFuture<String>> racers = List.of(CAROL, BOB).stream()
                .map(a -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return c.takeOver(a).agent();
                    } catch (WorkflowUpdateException lost) {
                        return "409";
                    }
                })).toList();
        List<String> results = racers.stream().map(CompletableFuture::join).toList();

        assertThat(results).containsOnlyOnce("409");
        assertThat(results).containsAnyOf("agent:bob", "agent:carol");
        assertThat(events()).containsExactly("conversation.takeover");
    }

    @Test
    void replyWithoutTakeoverIsRefused() {
        ConversationWorkflow c = begin(500);
        assertThatThrownBy(() -> c.agentReply(new AgentReply("agent:bob", "r1", "hi")))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThatThrownBy(() -> c.release(BOB)).isInstanceOf(WorkflowUpdateException.class);
    }

    @Test
    void continueAsNewKeepsTheModeTheAgentTheRecentTurnsAndTheRemainingTime() {
        ConversationWorkflow c = begin(4);
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "one"));
        c.botTurn(new BotTurn(turn("m1:bot", TurnRole.BOT, "answer one"), true));
        c.takeOver(BOB);
        env.sleep(Duration.ofSeconds(60));
        c.memberTurn(turn("m2:member", TurnRole.MEMBER, "two"));
        String firstRun = client.newUntypedWorkflowStub(ID).getExecution().getRunId();
        // The fourth event fills the run: the next one is served by the continued run.
        c.memberTurn(turn("m3:member", TurnRole.MEMBER, "three"));
        ConversationSnapshot next = c.state();

        WorkflowStub latest = client.newUntypedWorkflowStub(ID);
        assertThat(latest.describe().getExecution().getRunId()).isNotEqualTo(firstRun);
        assertThat(next.mode()).isEqualTo(ConversationMode.HUMAN);
        assertThat(next.agent()).isEqualTo("agent:bob");
        assertThat(next.escalated()).isTrue();
        assertThat(next.recentTurns()).extracting(Turn::turnKey)
                .containsExactly("earlier", "m1:member", "m1:bot", "m2:member", "m3:member");
        verify(store, times(1)).loadHistory(any(), anyInt());
        // 60 s passed in the first run: the AI resumes 120 s later, not 180.
        env.sleep(Duration.ofSeconds(121));
        assertThat(c.state().mode()).isEqualTo(ConversationMode.AI);
    }

    @Test
    void anIdleConversationCompletesAndLeavesTheActiveList() {
        ConversationWorkflow c = begin(500);
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "hi"));
        env.sleep(Duration.ofDays(1).plusMinutes(1));

        client.newUntypedWorkflowStub(ID).getResult(Void.class);
        verify(store).close(any(), any(Long.class));
    }
}
