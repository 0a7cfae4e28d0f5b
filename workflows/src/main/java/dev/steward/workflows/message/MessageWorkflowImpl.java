package dev.steward.workflows.message;

import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.answer.AnswerRequest;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.BotTurn;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.discord.DiscordActivities;
import dev.steward.workflows.discord.ReplyRequest;
import dev.steward.workflows.discord.SentReply;
import dev.steward.workflows.escalation.EscalationActivities;
import dev.steward.workflows.escalation.EscalationRequest;
import dev.steward.workflows.escalation.EscalationResult;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.guild.GuildContext;
import dev.steward.workflows.guild.ResponseMode;
import dev.steward.workflows.message.MessageOutcome.Status;
import dev.steward.workflows.moderation.ModerationAction;
import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationRequest;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.quota.RateRequest;
import dev.steward.workflows.quota.UnavailableNoticeRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

public class MessageWorkflowImpl implements MessageWorkflow {
    static final String FALLBACK_REPLY =
            "Sorry, I can't answer right now. Please try again in a few minutes.";
    static final String UNAVAILABLE_REPLY =
            "The assistant is unavailable right now. The team has been notified.";
    static final String SLOW_DOWN_REPLY = "Slow down a little: you have asked a lot of questions in a short time. "
            + "Try again in a minute.";

    static final String ESCALATED_NOTE = "I've let the team know you'd like to talk to a person; "
            + "someone will follow up here.";
    static final String ALREADY_ESCALATED_NOTE = "The team already knows you'd like to talk to a person; "
            + "someone will follow up here.";

    private static final Logger log = Workflow.getLogger(MessageWorkflowImpl.class);

    private final GuildActivities remoteGuilds =
            Workflow.newActivityStub(GuildActivities.class, MessageActivityOptions.STORAGE);
    private final GuildActivities localGuilds =
            Workflow.newLocalActivityStub(GuildActivities.class, MessageActivityOptions.LOCAL_STORAGE);
    private final ModerationActivities moderation =
            Workflow.newActivityStub(ModerationActivities.class, MessageActivityOptions.MODEL);
    private final QuotaActivities remoteQuota =
            Workflow.newActivityStub(QuotaActivities.class, MessageActivityOptions.STORAGE);
    private final QuotaActivities localQuota =
            Workflow.newLocalActivityStub(QuotaActivities.class, MessageActivityOptions.LOCAL_STORAGE);
    private final ConversationActivities conversations =
            Workflow.newActivityStub(ConversationActivities.class, MessageActivityOptions.STORAGE);
    private final AnswerActivities answers =
            Workflow.newActivityStub(AnswerActivities.class, MessageActivityOptions.MODEL);
    private final DiscordActivities discord =
            Workflow.newActivityStub(DiscordActivities.class, MessageActivityOptions.DISCORD);
    private final ConversationLinkActivities remoteLink =
            Workflow.newActivityStub(ConversationLinkActivities.class, MessageActivityOptions.STORAGE);
    private final ConversationLinkActivities localLink =
            Workflow.newLocalActivityStub(ConversationLinkActivities.class, MessageActivityOptions.LOCAL_STORAGE);
    private final ConversationLinkActivities takenOverCheck =
            Workflow.newLocalActivityStub(ConversationLinkActivities.class, MessageActivityOptions.LOCAL_STORAGE);
    private final EscalationActivities escalations =
            Workflow.newActivityStub(EscalationActivities.class, MessageActivityOptions.NOTIFY);

    private boolean escalated;
    /** Whether the member got a reply: a deferred /ask without one is answered with a note at the end. */
    private boolean replied;
    /** Settings, the moderation plan, the rate limit and the ledger: short database calls. */
    private boolean localStorage;
    private QuotaActivities quota;
    private ConversationLinkActivities conversationLink;

    @Override
    public MessageOutcome handle(IncomingMessage message) {
        MessageOutcome outcome = route(message);
        return message.interaction() == null || replied ? outcome : resolveDeferred(message, outcome);
    }

    /** A deferred /ask that got no reply still tells the member why (added after the third release). */
    private MessageOutcome resolveDeferred(IncomingMessage message, MessageOutcome outcome) {
        String note = AskNotes.forUnanswered(outcome.status());
        if (note == null
                || Workflow.getVersion("ask-always-resolved", Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            return outcome;
        }
        return new MessageOutcome(outcome.status(), reply(message, note, Workflow.getInfo().getWorkflowId() + ":note")
                .messageIds());
    }

    /** A reply to the member's message (for /ask, its deferred response); a sandbox message's stays in the sandbox. */
    private SentReply reply(IncomingMessage message, String text, String sendKey) {
        SentReply sent = discord.sendReply(new ReplyRequest(message.guildId(), message.channelId(), message.messageId(),
                text, sendKey, message.interaction(), message.fromSandbox()));
        replied = true;
        return sent;
    }

    private MessageOutcome route(IncomingMessage message) {
        if (message.authorIsBot()) {
            return MessageOutcome.of(Status.IGNORED_BOT_AUTHOR);
        }
        // Since after the first release the short database calls run as local activities, in the workflow
        // task itself: each saves a task queue round trip and a workflow task. Older executions replay as before.
        localStorage = Workflow.getVersion("local-storage-calls", Workflow.DEFAULT_VERSION, 1) >= 1;
        quota = localStorage ? localQuota : remoteQuota;
        // Since the third release the member's and the bot's turns reach the conversation workflow from local
        // activities too (their update ids make a re-run after a lost workflow task count once): an answer costs
        // three workflow tasks and two activities instead of five and four. The Discord send stays an activity:
        // a local one would hold a workflow task slot through Discord's rate-limit waits and retries.
        conversationLink = Workflow.getVersion("local-conversation-link", Workflow.DEFAULT_VERSION, 1) >= 1
                ? localLink : remoteLink;
        GuildContext guild = (localStorage ? localGuilds : remoteGuilds).loadContext(message.guildId());
        if (!guild.connected()) {
            return MessageOutcome.of(Status.IGNORED_UNKNOWN_GUILD);
        }
        String key = Workflow.getInfo().getWorkflowId();
        if (moderate(guild, message, key).removesMessage()) {
            return MessageOutcome.of(Status.REMOVED_BY_MODERATION);
        }
        if (!Addressing.isAddressed(guild, message)) {
            return notAddressed(guild, message, key);
        }
        if (message.content().isBlank()) {
            log.info("Message {} has no text (attachments only?); not answering", message.messageId());
            return MessageOutcome.of(Status.IGNORED_EMPTY);
        }
        return answer(guild, message, key);
    }

    /** Conversations run in their own workflows since after the first release; older executions skip them. */
    private static boolean linked() {
        return Workflow.getVersion("conversation-workflow", Workflow.DEFAULT_VERSION, 1) >= 1;
    }

    private static Turn memberTurn(GuildContext guild, IncomingMessage message, String key) {
        return new Turn(guild.accountId(), new ConversationKey(message.guildId(), message.channelId(),
                message.authorId()), TurnRole.MEMBER, key + ":member", message.authorName(), message.content(),
                Workflow.currentTimeMillis(), message.fromSandbox());
    }

    /** A message not meant for the bot still reaches the agent who has taken the member's conversation over. */
    private MessageOutcome notAddressed(GuildContext guild, IncomingMessage message, String key) {
        if (linked() && !message.content().isBlank()
                && !takenOverCheck.admitIfTakenOver(memberTurn(guild, message, key)).aiMayAnswer()) {
            return MessageOutcome.of(Status.HANDED_TO_AGENT);
        }
        return MessageOutcome.of(Status.NOT_ADDRESSED);
    }

    private static boolean isQuestion(IncomingMessage message) {
        return message.source() == MessageSource.ASK || message.mentionsBot() || message.replyToBot();
    }

    /** /ask gets told (its deferred response says so); a mention gets no reply, so the channel is not spammed. */
    private MessageOutcome slowDown(IncomingMessage message, String key) {
        if (message.interaction() == null) {
            return MessageOutcome.of(Status.RATE_LIMITED);
        }
        return new MessageOutcome(Status.RATE_LIMITED, reply(message, SLOW_DOWN_REPLY, key + ":slow-down").messageIds());
    }

    /** Smart mode lets the AI pass on casual chat, but only for traffic it was not asked about. */
    private static boolean mayskip(GuildContext guild, IncomingMessage message) {
        return guild.responseMode() == ResponseMode.ALL_MESSAGES && guild.smartMode()
                && message.source() != MessageSource.ASK && !message.mentionsBot() && !message.replyToBot();
    }

    /** Tells the channel once a day that the assistant is unavailable; later messages get nothing. */
    private MessageOutcome quotaExhausted(IncomingMessage message, String key) {
        // Added after the first release: executions that started before take the old path on replay.
        if (Workflow.getVersion("quota-unavailable-notice", Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                || !quota.claimUnavailableNotice(new UnavailableNoticeRequest(message.guildId(), message.channelId(),
                key, Workflow.currentTimeMillis()))) {
            return MessageOutcome.of(Status.QUOTA_EXHAUSTED);
        }
        return new MessageOutcome(Status.QUOTA_EXHAUSTED, reply(message, UNAVAILABLE_REPLY, key + ":unavailable")
                .messageIds());
    }

    /** Errs on the side of caution: a moderation step that keeps failing takes no action. */
    private ModerationAction moderate(GuildContext guild, IncomingMessage message, String key) {
        // Filters, the charged AI verdict, actions and the log came after the first release.
        if (Workflow.getVersion("moderation-steps", Workflow.DEFAULT_VERSION, 1) >= 1) {
            return new ModerationStep(quota, localStorage).run(guild, message, key).action();
        }
        try {
            return moderation.moderate(new ModerationRequest(guild.accountId(), key, message)).action();
        } catch (ActivityFailure failed) {
            log.warn("Moderation failed for {} after its retries; taking no action", key);
            return ModerationAction.NONE;
        }
    }

    private MessageOutcome answer(GuildContext guild, IncomingMessage message, String key) {
        boolean linked = linked();
        Turn memberTurn = memberTurn(guild, message, key);
        // The member's turn reaches the conversation (and any agent watching it) even when it is throttled.
        if (linked && !conversationLink.admitMemberTurn(memberTurn).aiMayAnswer()) {
            return MessageOutcome.of(Status.HANDED_TO_AGENT);
        }
        // The per-member guard came after the first release: older executions skip it on replay.
        if (isQuestion(message) && Workflow.getVersion("member-rate-limit", Workflow.DEFAULT_VERSION, 1) >= 1
                && !quota.allowMember(new RateRequest(message.guildId(), message.authorId(), key,
                Workflow.currentTimeMillis()))) {
            return slowDown(message, key);
        }
        ConversationKey conversation = memberTurn.conversation();
        String memberTurnKey = memberTurn.turnKey();
        if (!linked) {
            conversations.recordTurn(memberTurn);
        }

        ChargeRequest charge = ChargeRequest.inThisRun(guild.accountId(), guild.guildId(), key, ChargeKind.ANSWER);
        if (quota.charge(charge).refused()) {
            return quotaExhausted(message, key);
        }
        String text;
        Status status = Status.ANSWERED;
        try {
            Answer answer = answers.generate(new AnswerRequest(guild.accountId(), conversation, memberTurnKey,
                    message.authorName(), message.content(), mayskip(guild, message), guild.channelAwareness()));
            // Skips and answers made without the model were added after the first release.
            if (Workflow.getVersion("answer-skip-and-refund", Workflow.DEFAULT_VERSION, 1) >= 1) {
                if (answer.skip()) {
                    // A skip decided without the model came after the third release: older ones keep their unit.
                    if (answer.withoutModel() && Workflow.getVersion("skip-without-model-refund",
                            Workflow.DEFAULT_VERSION, 1) >= 1) {
                        quota.refund(charge);
                    }
                    return MessageOutcome.of(Status.SKIPPED);
                }
                if (answer.withoutModel()) {
                    quota.refund(charge);
                }
            }
            text = linked && answer.wantsHuman() ? withEscalation(answer.text(), escalate(guild, message, conversation, key)) : answer.text();
        } catch (ActivityFailure modelKeptFailing) {
            log.warn("Model failed for {} after its retries; sending the fallback reply", key);
            quota.refund(charge);
            text = FALLBACK_REPLY;
            status = Status.FALLBACK_ANSWERED;
        }
        SentReply sent = reply(message, text, key + ":reply");
        Turn botTurn = new Turn(guild.accountId(), conversation, TurnRole.BOT, key + ":bot", "Steward", text,
                Workflow.currentTimeMillis(), message.fromSandbox());
        if (linked) {
            conversationLink.recordBotTurn(new BotTurn(botTurn, escalated));
        } else {
            conversations.recordTurn(botTurn);
        }
        return new MessageOutcome(status, sent.messageIds());
    }

    /** Null when the escalation could not be made (SMTP and database kept failing): the reply then promises nothing. */
    private EscalationResult escalate(GuildContext guild, IncomingMessage message, ConversationKey conversation,
                                      String key) {
        try {
            EscalationResult result = escalations.escalate(new EscalationRequest(guild.accountId(), conversation, key,
                    message.authorName(), message.content(), Workflow.currentTimeMillis()));
            escalated = true;
            return result;
        } catch (ActivityFailure failed) {
            log.warn("Escalation of {} failed after its retries; answering without it", key);
            return null;
        }
    }

    private static String withEscalation(String answer, EscalationResult result) {
        if (result == null) {
            return answer;
        }
        String note = result.alreadyNotified() ? ALREADY_ESCALATED_NOTE : ESCALATED_NOTE;
        return answer.isBlank() ? note : answer + "\n\n" + note;
    }
}
