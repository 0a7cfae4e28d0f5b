package dev.steward.workflows.message;

import dev.steward.workflows.ReleasedHistories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * Writes the histories that {@link MessageWorkflowReplayTest} replays, one per scenario and release. Run it
 * when a release adds a version marker:
 * {@code ./mvnw -pl workflows test -Dtest=MessageWorkflowHistoryRecorder -Drecord.histories=true}.
 */
@EnabledIfSystemProperty(named = "record.histories", matches = "true")
class MessageWorkflowHistoryRecorder extends MessageWorkflowTest {

    @Test
    void recordAnswered() throws Exception {
        run(message("<@1> how do I reset my password?", true));
        save("message-workflow-answered");
    }

    @Test
    void recordFallback() throws Exception {
        when(answers.generate(any())).thenThrow(new IllegalStateException("503 from the model"));
        run(message("<@1> hi", true));
        save("message-workflow-fallback");
    }

    @Test
    void recordQuotaExhausted() throws Exception {
        when(quota.charge(any())).thenReturn(new dev.steward.workflows.quota.ChargeResult(
                dev.steward.workflows.quota.ChargeResult.Status.REFUSED, 2500, 2500));
        when(quota.claimUnavailableNotice(any())).thenReturn(true);
        run(message("<@1> hi", true));
        save("message-workflow-quota-exhausted");
    }

    @Test
    void recordSmartSkip() throws Exception {
        when(guilds.loadContext(GUILD)).thenReturn(new dev.steward.workflows.guild.GuildContext(true, 7, GUILD,
                dev.steward.workflows.guild.ResponseMode.ALL_MESSAGES, true, false, java.util.List.of()));
        when(answers.generate(any())).thenReturn(dev.steward.workflows.answer.Answer.skipped());
        run(message("good morning everyone", false));
        save("message-workflow-smart-skip");
    }

    @Test
    void recordModeratedAndAnswered() throws Exception {
        aiCheckIsChargedAsModerationAndAWarnedMessageIsStillAnswered();
        save("message-workflow-moderated-warn");
    }

    @Test
    void recordModerationActionFailed() throws Exception {
        failedActionIsLoggedWithItsReason();
        save("message-workflow-moderation-failed-ban");
    }

    @Test
    void recordEscalated() throws Exception {
        memberAskingForAHumanIsEscalatedOnceAndToldSo();
        save("message-workflow-escalated");
    }

    @Test
    void recordHandedToAgent() throws Exception {
        takenOverConversationGetsNoAiAnswerAndNoCharge();
        save("message-workflow-handed-to-agent");
    }

    @Test
    void recordAskOutsideTheHelpChannels() throws Exception {
        askInAChannelOutsideTheHelpChannelsIsToldWhereToAskNotLeftThinking();
        save("message-workflow-ask-other-channel");
    }

    @Test
    void recordAskAgainstTheRules() throws Exception {
        askAgainstTheRulesIsNotDeletedButToldWhy();
        save("message-workflow-ask-against-the-rules");
    }

    @Test
    void recordSkipWithoutTheModel() throws Exception {
        aSkipDecidedWithoutTheModelGivesItsUnitBack();
        save("message-workflow-skip-without-model");
    }

    /**
     * The latest {@code Workflow.getVersion} change; histories of earlier releases keep their names. Bump it
     * with each new version marker and record again.
     */
    static final String RELEASE = "ask-always-resolved";

    private void save(String scenario) throws Exception {
        ReleasedHistories.save(client, WORKFLOW_ID, scenario, RELEASE);
    }
}
