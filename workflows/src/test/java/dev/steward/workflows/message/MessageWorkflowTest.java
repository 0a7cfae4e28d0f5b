package dev.steward.workflows.message;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.answer.AnswerRequest;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.BotTurn;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationMode;
import dev.steward.workflows.escalation.EscalationActivities;
import dev.steward.workflows.escalation.EscalationRequest;
import dev.steward.workflows.escalation.EscalationResult;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.ReplyRequest;
import dev.steward.workflows.discord.SentReply;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.guild.GuildContext;
import dev.steward.workflows.guild.ResponseMode;
import dev.steward.workflows.message.MessageOutcome.Status;
import dev.steward.workflows.moderation.ModerationAction;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationActionActivities;
import dev.steward.workflows.moderation.ModerationActionRequest;
import dev.steward.workflows.moderation.ModerationDecision;
import dev.steward.workflows.moderation.ModerationLogEntry;
import dev.steward.workflows.moderation.ModerationPlan;
import dev.steward.workflows.moderation.ModerationSource;
import io.temporal.failure.ApplicationFailure;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import dev.steward.workflows.quota.QuotaActivities;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

class MessageWorkflowTest {
    static final String GUILD = "100";
    static final String WORKFLOW_ID = MessageWorkflowIds.forMessage(GUILD, "300");

    TestWorkflowEnvironment env;
    WorkflowClient client;
    GuildActivities guilds = mockActivity(GuildActivities.class);
    ModerationActivities moderation = mockActivity(ModerationActivities.class);
    ModerationActionActivities moderationActions = mockActivity(ModerationActionActivities.class);
    QuotaActivities quota = mockActivity(QuotaActivities.class);
    ConversationActivities conversations = mockActivity(ConversationActivities.class);
    AnswerActivities answers = mockActivity(AnswerActivities.class);
    DiscordActivities discord = mockActivity(DiscordActivities.class);
    ConversationLinkActivities conversationLink = mockActivity(ConversationLinkActivities.class);
    EscalationActivities escalations = mockActivity(EscalationActivities.class);

    /** Temporal reads the activity annotations from the implementation class, which a mock must not copy. */
    static <T> T mockActivity(Class<T> type) {
        return mock(type, withSettings().withoutAnnotations());
    }

    static IncomingMessage message(String content, boolean mentionsBot) {
        return new IncomingMessage(MessageSource.GATEWAY, GUILD, "200", "300", "400", "alice", false,
                content, mentionsBot, false, 0);
    }

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TaskQueues.MESSAGES);
        // A bug in the workflow fails the test at once instead of retrying the workflow task forever.
        worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(Throwable.class).build(), MessageWorkflowImpl.class);
        worker.registerActivitiesImplementations(guilds, moderation, moderationActions, quota, conversations, answers,
                discord, conversationLink, escalations);
        env.start();
        client = env.getWorkflowClient();
        connectedGuild(ResponseMode.MENTION);
        when(moderation.plan(any())).thenReturn(ModerationPlan.skip("moderation off"));
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.CHARGED, 1, 2500));
        when(quota.allowMember(any())).thenReturn(true);
        when(answers.generate(any())).thenReturn(new Answer("Reset it under Settings > Account."));
        when(discord.sendReply(any())).thenReturn(new SentReply(List.of("900")));
        when(conversationLink.admitMemberTurn(any())).thenReturn(Admission.ai());
        when(conversationLink.admitIfTakenOver(any())).thenReturn(Admission.ai());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    void connectedGuild(ResponseMode mode) {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, mode));
    }

    MessageOutcome run(IncomingMessage message) {
        return client.newWorkflowStub(MessageWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WORKFLOW_ID).setTaskQueue(TaskQueues.MESSAGES).build()).handle(message);
    }

    @Test
    void mentionIsModeratedChargedAnsweredAndSentAsAReply() {
        MessageOutcome outcome = run(message("<@1> how do I reset my password?", true));

        assertThat(outcome).isEqualTo(new MessageOutcome(Status.ANSWERED, List.of("900")));
        var order = inOrder(moderation, quota, answers, discord);
        order.verify(moderation).plan(any());
        ArgumentCaptor<ChargeRequest> charged = ArgumentCaptor.forClass(ChargeRequest.class);
        order.verify(quota).charge(charged.capture());
        assertThat(charged.getValue()).extracting(ChargeRequest::accountId, ChargeRequest::messageKey, ChargeRequest::kind)
                .containsExactly(7L, WORKFLOW_ID, ChargeKind.ANSWER);
        ArgumentCaptor<AnswerRequest> asked = ArgumentCaptor.forClass(AnswerRequest.class);
        order.verify(answers).generate(asked.capture());
        assertThat(asked.getValue().question()).isEqualTo("<@1> how do I reset my password?");
        assertThat(asked.getValue().currentTurnKey()).isEqualTo(WORKFLOW_ID + ":member");
        order.verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300",
                "Reset it under Settings > Account.", WORKFLOW_ID + ":reply", null, false));
        ArgumentCaptor<Turn> member = ArgumentCaptor.forClass(Turn.class);
        verify(conversationLink).admitMemberTurn(member.capture());
        assertThat(member.getValue().role()).isEqualTo(TurnRole.MEMBER);
        assertThat(member.getValue().turnKey()).isEqualTo(WORKFLOW_ID + ":member");
        ArgumentCaptor<BotTurn> bot = ArgumentCaptor.forClass(BotTurn.class);
        verify(conversationLink).recordBotTurn(bot.capture());
        assertThat(bot.getValue().turn().role()).isEqualTo(TurnRole.BOT);
        assertThat(bot.getValue().escalated()).isFalse();
        verifyNoInteractions(conversations, escalations);
        verify(quota, never()).refund(any());
    }

    /** The throughput of the whole bot rests on this: every workflow task and activity is a server round trip. */
    @Test
    void answeredMentionCostsThreeWorkflowTasksAndTwoActivities() {
        run(message("<@1> how do I reset my password?", true));

        List<HistoryEvent> events = client.fetchHistory(WORKFLOW_ID).getHistory().getEventsList();
        assertThat(events).filteredOn(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED).hasSize(3);
        assertThat(events).filteredOn(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .extracting(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName())
                .containsExactly("Generate", "SendReply");
    }

    @Test
    void takenOverConversationGetsNoAiAnswerAndNoCharge() {
        when(conversationLink.admitMemberTurn(any())).thenReturn(new Admission(false, ConversationMode.HUMAN, "agent:bob"));

        assertThat(run(message("<@1> are you there?", true)).status()).isEqualTo(Status.HANDED_TO_AGENT);
        verify(conversationLink).admitMemberTurn(any());
        verify(quota, never()).charge(any());
        verifyNoInteractions(answers, discord, escalations);
    }

    @Test
    void messageNotForTheBotReachesTheAgentWhoTookTheConversationOver() {
        when(conversationLink.admitIfTakenOver(any())).thenReturn(new Admission(false, ConversationMode.HUMAN, "agent:bob"));

        assertThat(run(message("thanks, trying that now", false)).status()).isEqualTo(Status.HANDED_TO_AGENT);
        ArgumentCaptor<Turn> turn = ArgumentCaptor.forClass(Turn.class);
        verify(conversationLink).admitIfTakenOver(turn.capture());
        assertThat(turn.getValue().content()).isEqualTo("thanks, trying that now");
        verifyNoInteractions(quota, answers, discord);
    }

    @Test
    void memberAskingForAHumanIsEscalatedOnceAndToldSo() {
        when(answers.generate(any())).thenReturn(new Answer("Refunds take 5 days.", false, false, true));
        when(escalations.escalate(any())).thenReturn(new EscalationResult(true, false));

        assertThat(run(message("<@1> refund? I want to talk to a human", true)).status()).isEqualTo(Status.ANSWERED);
        ArgumentCaptor<EscalationRequest> escalation = ArgumentCaptor.forClass(EscalationRequest.class);
        verify(escalations).escalate(escalation.capture());
        assertThat(escalation.getValue().escalationKey()).isEqualTo(WORKFLOW_ID);
        assertThat(escalation.getValue().conversation().userId()).isEqualTo("400");
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300",
                "Refunds take 5 days.\n\n" + MessageWorkflowImpl.ESCALATED_NOTE, WORKFLOW_ID + ":reply", null, false));
        ArgumentCaptor<BotTurn> bot = ArgumentCaptor.forClass(BotTurn.class);
        verify(conversationLink).recordBotTurn(bot.capture());
        assertThat(bot.getValue().escalated()).isTrue();
    }

    @Test
    void escalationWithinTheCoolDownSaysTheTeamAlreadyKnows() {
        when(answers.generate(any())).thenReturn(new Answer("", false, true, true));
        when(escalations.escalate(any())).thenReturn(new EscalationResult(false, true));

        run(message("<@1> real person please", true));
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", MessageWorkflowImpl.ALREADY_ESCALATED_NOTE,
                WORKFLOW_ID + ":reply", null, false));
    }

    @Test
    void failedEscalationStillAnswersButPromisesNothing() {
        when(answers.generate(any())).thenReturn(new Answer("Refunds take 5 days.", false, false, true));
        when(escalations.escalate(any())).thenThrow(ApplicationFailure.newNonRetryableFailure("smtp down", "Smtp"));

        assertThat(run(message("<@1> talk to a human", true)).status()).isEqualTo(Status.ANSWERED);
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", "Refunds take 5 days.", WORKFLOW_ID + ":reply", null, false));
    }

    @Test
    void messageWithoutMentionIsModeratedButNotAnsweredInMentionMode() {
        assertThat(run(message("hello all", false)).status()).isEqualTo(Status.NOT_ADDRESSED);
        verify(moderation).plan(any());
        verifyNoInteractions(quota, answers, discord);
    }

    @Test
    void replyToTheBotIsAnsweredInMentionMode() {
        IncomingMessage reply = new IncomingMessage(MessageSource.GATEWAY, GUILD, "200", "300", "400", "alice",
                false, "and then?", false, true, 0);
        assertThat(run(reply).status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void askOnlyGuildStillModeratesGatewayMessagesButDoesNotAnswer() {
        connectedGuild(ResponseMode.ASK_ONLY);
        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.NOT_ADDRESSED);
        verify(moderation).plan(any());
        verifyNoInteractions(answers, discord);
    }

    @Test
    void allMessagesModeAnswersWithoutMention() {
        connectedGuild(ResponseMode.ALL_MESSAGES);
        assertThat(run(message("how do refunds work?", false)).status()).isEqualTo(Status.ANSWERED);
    }

    @Test
    void smartModeLetsTheModelSkipCasualChatButNotMentions() {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, ResponseMode.ALL_MESSAGES, true,
                true, List.of()));
        when(answers.generate(any())).thenReturn(Answer.skipped());

        assertThat(run(message("good morning everyone", false)).status()).isEqualTo(Status.SKIPPED);
        ArgumentCaptor<AnswerRequest> asked = ArgumentCaptor.forClass(AnswerRequest.class);
        verify(answers).generate(asked.capture());
        assertThat(asked.getValue().maySkip()).isTrue();
        assertThat(asked.getValue().channelAwareness()).isTrue();
        verifyNoInteractions(discord);
        verify(quota, never()).refund(any());
    }

    @Test
    void aSkipDecidedWithoutTheModelGivesItsUnitBack() {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, ResponseMode.ALL_MESSAGES, true,
                false, List.of()));
        when(answers.generate(any())).thenReturn(Answer.skippedWithoutModel());

        assertThat(run(message("lol nice", false)).status()).isEqualTo(Status.SKIPPED);

        ArgumentCaptor<ChargeRequest> refunded = ArgumentCaptor.forClass(ChargeRequest.class);
        verify(quota).refund(refunded.capture());
        assertThat(refunded.getValue().kind()).isEqualTo(ChargeKind.ANSWER);
        verifyNoInteractions(discord);
    }

    @Test
    void mentionInSmartModeMustBeAnswered() {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, ResponseMode.ALL_MESSAGES, true,
                false, List.of()));
        run(message("<@1> good morning", true));
        ArgumentCaptor<AnswerRequest> asked = ArgumentCaptor.forClass(AnswerRequest.class);
        verify(answers).generate(asked.capture());
        assertThat(asked.getValue().maySkip()).isFalse();
    }

    @Test
    void answerMadeWithoutTheModelIsSentAndItsUnitGivenBack() {
        when(answers.generate(any())).thenReturn(Answer.withoutModel("I don't know that one."));
        assertThat(run(message("<@1> what is the meaning of life?", true)).status()).isEqualTo(Status.ANSWERED);
        verify(quota).refund(any());
        verify(discord).sendReply(any());
    }

    @Test
    void channelsOutsideTheAllowedListAreModeratedButNotAnswered() {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, ResponseMode.MENTION, true,
                false, List.of("999")));
        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.NOT_ADDRESSED);
        verify(moderation).plan(any());
        verifyNoInteractions(answers, discord);
    }

    @Test
    void memberAskingTooOftenGetsNoAnswerAndNoCharge() {
        when(quota.allowMember(any())).thenReturn(false);
        assertThat(run(message("<@1> again?", true)).status()).isEqualTo(Status.RATE_LIMITED);
        verify(quota, never()).charge(any());
        verifyNoInteractions(answers, discord);
    }

    @Test
    void askTooOftenEditsTheDeferredResponseWithSlowDown() {
        when(quota.allowMember(any())).thenReturn(false);
        InteractionRef interaction = new InteractionRef("55", "tok");
        IncomingMessage ask = new IncomingMessage(MessageSource.ASK, GUILD, "200", "300", "400", "alice", false,
                "again?", false, false, 0, List.of(), 0, interaction);

        assertThat(run(ask).status()).isEqualTo(Status.RATE_LIMITED);
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", MessageWorkflowImpl.SLOW_DOWN_REPLY,
                WORKFLOW_ID + ":slow-down", interaction, false));
    }

    static final InteractionRef INTERACTION = new InteractionRef("55", "tok");

    static IncomingMessage ask(String question) {
        return new IncomingMessage(MessageSource.ASK, GUILD, "200", "300", "400", "alice", false, question, false,
                false, 0, List.of(), 0, INTERACTION);
    }

    /** The note that edits a deferred /ask which got no other reply. */
    void verifyNote(String note) {
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", note, WORKFLOW_ID + ":note", INTERACTION, false));
        verify(discord, times(1)).sendReply(any());
    }

    @Test
    void askInAChannelOutsideTheHelpChannelsIsToldWhereToAskNotLeftThinking() {
        when(guilds.loadContext(GUILD)).thenReturn(new GuildContext(true, 7, GUILD, ResponseMode.MENTION, true, false,
                List.of("999")));

        assertThat(run(ask("where is the invoice?"))).isEqualTo(new MessageOutcome(Status.NOT_ADDRESSED, List.of("900")));

        verifyNote(AskNotes.OTHER_CHANNEL);
        verifyNoInteractions(answers);
    }

    @Test
    void askDuringATakeoverIsToldAnAgentWillAnswer() {
        when(conversationLink.admitMemberTurn(any())).thenReturn(new Admission(false, ConversationMode.HUMAN, "dana"));

        assertThat(run(ask("still there?")).status()).isEqualTo(Status.HANDED_TO_AGENT);

        verifyNote(AskNotes.WITH_AN_AGENT);
    }

    @Test
    void askAgainstTheRulesIsNotDeletedButToldWhy() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.decided(
                decision(ModerationSource.FILTER, ModerationAction.DELETE, ModerationAction.DELETE)));

        assertThat(run(ask("buy accounts")).status()).isEqualTo(Status.REMOVED_BY_MODERATION);

        verify(moderationActions, never()).deleteMessage(any()); // its id is the interaction's, not a message's
        ArgumentCaptor<ModerationLogEntry> logged = ArgumentCaptor.forClass(ModerationLogEntry.class);
        verify(moderation).log(logged.capture());
        assertThat(logged.getValue().failure()).isEmpty();
        verifyNote(AskNotes.AGAINST_THE_RULES);
    }

    @Test
    void askWithSpentQuotaIsToldTheAssistantIsUnavailableThoughTheChannelWasToldToday() {
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.REFUSED, 2500, 2500));
        when(quota.claimUnavailableNotice(any())).thenReturn(false);

        assertThat(run(ask("hello?")).status()).isEqualTo(Status.QUOTA_EXHAUSTED);

        verifyNote(MessageWorkflowImpl.UNAVAILABLE_REPLY);
    }

    @Test
    void askThatIsAnsweredGetsNoNote() {
        assertThat(run(ask("how do I reset my password?")).status()).isEqualTo(Status.ANSWERED);

        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", "Reset it under Settings > Account.",
                WORKFLOW_ID + ":reply", INTERACTION, false));
        verify(discord, times(1)).sendReply(any());
    }

    @Test
    void unknownGuildIsIgnoredBeforeAnyOtherStep() {
        when(guilds.loadContext(GUILD)).thenReturn(GuildContext.notConnected(GUILD));
        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.IGNORED_UNKNOWN_GUILD);
        verifyNoInteractions(moderation, quota, answers, discord);
    }

    @Test
    void botAuthorIsIgnoredWithoutTouchingAnything() {
        IncomingMessage fromBot = new IncomingMessage(MessageSource.GATEWAY, GUILD, "200", "300", "400", "otherbot",
                true, "<@1> ping", true, false, 0);
        assertThat(run(fromBot).status()).isEqualTo(Status.IGNORED_BOT_AUTHOR);
        verifyNoInteractions(guilds, moderation, quota, answers, discord);
    }

    @Test
    void attachmentOnlyMentionIsNotAnsweredOrCharged() {
        IncomingMessage image = new IncomingMessage(MessageSource.GATEWAY, GUILD, "200", "300", "400", "alice",
                false, "", true, false, 1);
        assertThat(run(image).status()).isEqualTo(Status.IGNORED_EMPTY);
        verifyNoInteractions(quota, answers, discord);
    }

    static ModerationDecision decision(ModerationSource source, ModerationAction action, ModerationAction... actions) {
        return new ModerationDecision(action, List.of(actions), source, "no spam", "selling accounts", 0.95, 10);
    }

    @Test
    void filterHitRemovesTheMessageLogsItAndChargesNothing() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.decided(
                decision(ModerationSource.FILTER, ModerationAction.DELETE, ModerationAction.DELETE)));

        assertThat(run(message("<@1> buy accounts", true)).status()).isEqualTo(Status.REMOVED_BY_MODERATION);

        ArgumentCaptor<ModerationActionRequest> deleted = ArgumentCaptor.forClass(ModerationActionRequest.class);
        verify(moderationActions).deleteMessage(deleted.capture());
        assertThat(deleted.getValue()).isEqualTo(new ModerationActionRequest(GUILD, "200", "300", "400",
                "selling accounts", 10, WORKFLOW_ID + ":delete", false));
        ArgumentCaptor<ModerationLogEntry> logged = ArgumentCaptor.forClass(ModerationLogEntry.class);
        verify(moderation).log(logged.capture());
        assertThat(logged.getValue().action()).isEqualTo(ModerationAction.DELETE);
        assertThat(logged.getValue().failure()).isEmpty();
        verify(moderation, never()).judge(any());
        verifyNoInteractions(quota, answers, discord);
    }

    /** The sandbox's ids are whatever its caller typed: the workers must not act on them with a real bot. */
    @Test
    void everyDiscordCallAboutASandboxMessageIsMarkedSandboxed() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.decided(
                decision(ModerationSource.FILTER, ModerationAction.WARN, ModerationAction.WARN)));
        IncomingMessage sandbox = new IncomingMessage(MessageSource.SANDBOX, GUILD, "200", "300", "400", "alice", false,
                "<@1> buy accounts", true, false, 0);

        assertThat(run(sandbox).status()).isEqualTo(Status.ANSWERED);

        verify(moderationActions).warnMember(argThat(ModerationActionRequest::sandbox));
        verify(discord).sendReply(argThat(ReplyRequest::sandbox));
    }

    @Test
    void aiCheckIsChargedAsModerationAndAWarnedMessageIsStillAnswered() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.askAi());
        when(moderation.judge(any())).thenReturn(decision(ModerationSource.AI, ModerationAction.WARN, ModerationAction.WARN));

        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.ANSWERED);

        ArgumentCaptor<ChargeRequest> charges = ArgumentCaptor.forClass(ChargeRequest.class);
        verify(quota, times(2)).charge(charges.capture());
        assertThat(charges.getAllValues()).extracting(ChargeRequest::kind)
                .containsExactly(ChargeKind.MODERATION, ChargeKind.ANSWER);
        verify(moderationActions).warnMember(any());
        verify(moderation).log(any());
    }

    @Test
    void failedActionIsLoggedWithItsReason() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.decided(decision(ModerationSource.FILTER,
                ModerationAction.BAN, ModerationAction.DELETE, ModerationAction.BAN)));
        doThrow(ApplicationFailure.newNonRetryableFailure("Discord ban member failed: HTTP 403, code 50013", "DiscordClientError"))
                .when(moderationActions).banMember(any());

        run(message("spam", false));

        verify(moderationActions, times(1)).banMember(any());
        ArgumentCaptor<ModerationLogEntry> logged = ArgumentCaptor.forClass(ModerationLogEntry.class);
        verify(moderation, times(2)).log(logged.capture());
        assertThat(logged.getAllValues()).extracting(ModerationLogEntry::action, ModerationLogEntry::failure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModerationAction.DELETE, ""),
                        org.assertj.core.groups.Tuple.tuple(ModerationAction.BAN, "Discord ban member failed: HTTP 403, code 50013"));
    }

    /** The answer is charged after the AI check's retries, yet in the period the message arrived in. */
    @Test
    void everyChargeOfAMessageUsesTheTimeItsRunStarted() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.askAi());
        when(moderation.judge(any())).thenThrow(ApplicationFailure.newFailure("model busy", "ModelBusy"))
                .thenReturn(ModerationDecision.none(ModerationSource.AI, "fine"));

        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.ANSWERED);

        ArgumentCaptor<ChargeRequest> charges = ArgumentCaptor.forClass(ChargeRequest.class);
        verify(quota, times(2)).charge(charges.capture());
        assertThat(charges.getAllValues()).extracting(ChargeRequest::kind)
                .containsExactly(ChargeKind.MODERATION, ChargeKind.ANSWER);
        assertThat(charges.getAllValues().get(1).atMillis()).isEqualTo(charges.getAllValues().get(0).atMillis());
    }

    @Test
    void spentQuotaSkipsTheAiCheck() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.askAi());
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.REFUSED, 2500, 2500));
        run(message("hello", false));
        verify(moderation, never()).judge(any());
    }

    @Test
    void failingAiCheckTakesNoActionAndTheMessageIsStillAnswered() {
        when(moderation.plan(any())).thenReturn(ModerationPlan.askAi());
        when(moderation.judge(any())).thenThrow(new IllegalStateException("model down"));
        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.ANSWERED);
        verify(moderation, times(3)).judge(any());
        verifyNoInteractions(moderationActions);
    }

    @Test
    void spentQuotaMeansNoModelCallAndNoReplyOnceTheChannelWasToldToday() {
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.REFUSED, 2500, 2500));
        when(quota.claimUnavailableNotice(any())).thenReturn(false);
        assertThat(run(message("<@1> hi", true)).status()).isEqualTo(Status.QUOTA_EXHAUSTED);
        verifyNoInteractions(answers, discord);
    }

    @Test
    void spentQuotaTellsTheChannelOnceThatTheAssistantIsUnavailable() {
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.REFUSED, 2500, 2500));
        when(quota.claimUnavailableNotice(any())).thenReturn(true);

        MessageOutcome outcome = run(message("<@1> hi", true));

        assertThat(outcome).isEqualTo(new MessageOutcome(Status.QUOTA_EXHAUSTED, List.of("900")));
        verify(discord).sendReply(new ReplyRequest(GUILD, "200", "300", MessageWorkflowImpl.UNAVAILABLE_REPLY,
                WORKFLOW_ID + ":unavailable", null, false));
        verifyNoInteractions(answers);
    }

    @Test
    void modelFailingThroughItsRetriesGetsThePoliteFallbackAndTheUnitBack() {
        when(answers.generate(any())).thenThrow(new IllegalStateException("503 from the model"));

        MessageOutcome outcome = run(message("<@1> hi", true));

        assertThat(outcome.status()).isEqualTo(Status.FALLBACK_ANSWERED);
        verify(answers, times(5)).generate(any());
        verify(quota).refund(any());
        ArgumentCaptor<ReplyRequest> sent = ArgumentCaptor.forClass(ReplyRequest.class);
        verify(discord).sendReply(sent.capture());
        assertThat(sent.getValue().content()).isEqualTo(MessageWorkflowImpl.FALLBACK_REPLY);
    }
}
