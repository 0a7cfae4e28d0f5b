package dev.steward.workers.escalation;

import dev.steward.core.conversation.ConversationProperties;
import dev.steward.core.conversation.EscalationStore;
import dev.steward.workflows.escalation.EscalationActivities;
import dev.steward.workflows.escalation.EscalationRequest;
import dev.steward.workflows.escalation.EscalationResult;
import dev.steward.workflows.message.MessageActivityOptions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

@Component
class EscalationActivitiesImpl implements EscalationActivities {
    /** Past the last moment any attempt of an escalation can still be mailing; its claim lapses then. */
    static final Duration CLAIM_LEASE = MessageActivityOptions.NOTIFY.getScheduleToCloseTimeout()
            .plus(MessageActivityOptions.NOTIFY.getStartToCloseTimeout());
    private final EscalationStore store;
    private final EscalationMailer mailer;
    private final ConversationProperties properties;

    EscalationActivitiesImpl(EscalationStore store, EscalationMailer mailer, ConversationProperties properties) {
        this.store = store;
        this.mailer = mailer;
        this.properties = properties;
    }

    /**
     * Claims the conversation's cool-down, then mails and marks the mail sent. A retry after a failed send
     * mails again; a retry after a crash between the SMTP hand-over and the mark is the one case that can
     * mail twice, as with any SMTP client. When the mail never goes out (SMTP down for the whole retry budget),
     * the claim lapses with {@link #CLAIM_LEASE}, and the member's next request for a person mails instead of
     * being told the team already knows.
     */
    @Override
    public EscalationResult escalate(EscalationRequest request) {
        EscalationStore.Claimed claimed = store.claim(request.accountId(), request.conversation(),
                request.escalationKey(), Instant.ofEpochMilli(request.atMillis()), properties.escalationCoolDown(),
                CLAIM_LEASE);
        switch (claimed.claim()) {
            case COOLING_DOWN:
                return new EscalationResult(false, true);
            case SEND:
                mailer.send(request, claimed.conversationId());
                store.markSent(claimed.conversationId(), request.escalationKey());
                return new EscalationResult(true, false);
            default:
                return new EscalationResult(true, false);
        }
    }
}
