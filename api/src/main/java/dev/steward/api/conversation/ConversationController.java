package dev.steward.api.conversation;

import dev.steward.api.account.PlanGuard;
import dev.steward.api.auth.Caller;
import dev.steward.core.conversation.ConversationClient;
import dev.steward.core.conversation.ConversationQueries;
import dev.steward.core.conversation.ConversationQueries.Summary;
import dev.steward.core.conversation.ConversationQueries.TranscriptTurn;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.quota.PlanFeature;
import dev.steward.workflows.conversation.AgentAction;
import dev.steward.workflows.conversation.AgentReply;
import dev.steward.workflows.conversation.ConversationMode;
import dev.steward.workflows.conversation.ConversationSnapshot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Live monitoring (reads PostgreSQL) and takeover (through the conversation workflow). Monitoring is on
 * every plan, since escalation emails link here; the live stream, takeover, agent replies and release need
 * a plan with TAKEOVER. Another account's conversation is a 404.
 */
@RestController
@Validated
class ConversationController {
    static final long REPLY_WAIT_MILLIS = 5_000;
    private final ConversationQueries queries;
    private final ConversationClient conversations;
    private final ConversationStream stream;
    private final GuildRepository guilds;
    private final PlanGuard plans;

    ConversationController(ConversationQueries queries, ConversationClient conversations, ConversationStream stream,
                           GuildRepository guilds, PlanGuard plans) {
        this.queries = queries;
        this.conversations = conversations;
        this.stream = stream;
        this.guilds = guilds;
        this.plans = plans;
    }

    record AgentMessage(@NotBlank @Size(max = 2000) String content) {
    }

    record Detail(Summary conversation, List<TranscriptTurn> transcript) {
    }

    record State(long id, ConversationMode mode, String agent, boolean escalated, Instant resumesAt) {
        static State of(long id, ConversationSnapshot s) {
            return new State(id, s.mode(), s.agent(), s.escalated(),
                    s.resumesAtMillis() == 0 ? null : Instant.ofEpochMilli(s.resumesAtMillis()));
        }
    }

    @GetMapping("/api/conversations")
    List<Summary> active(Caller caller, @RequestParam(required = false) String guildId,
                         @RequestParam(required = false) ConversationMode mode,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return queries.active(caller.account(), guildId, mode, limit);
    }

    @GetMapping("/api/conversations/{id}")
    Detail detail(Caller caller, @PathVariable long id,
                  @RequestParam(defaultValue = "100") @Min(1) @Max(500) int turns) {
        Summary conversation = owned(caller, id);
        return new Detail(conversation, queries.transcript(id, turns));
    }

    @GetMapping(value = "/api/conversations/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(Caller caller) {
        long account = caller.account();
        plans.require(account, PlanFeature.TAKEOVER);
        return stream.subscribe(account);
    }

    @PostMapping("/api/conversations/{id}/takeover")
    State takeOver(Caller caller, @PathVariable long id) {
        Summary c = ownedWithTakeover(caller, id);
        int timeout = guilds.findByDiscordGuildId(c.guildId()).map(Guild::takeoverTimeoutSeconds)
                .orElse(Guild.DEFAULT_TAKEOVER_TIMEOUT_SECONDS);
        return State.of(id, conversations.takeOver(caller.account(), c.key(), new AgentAction(caller.actor(), timeout),
                "takeover:" + UUID.randomUUID()));
    }

    /**
     * 200 once the message is in Discord; 202 when it is accepted and still being sent (Discord slow). A client
     * that retries (after a time-out, or a 202) sends the same {@code Idempotency-Key}, and the reply goes out once.
     */
    @PostMapping("/api/conversations/{id}/messages")
    ResponseEntity<State> reply(Caller caller, @PathVariable long id, @Valid @RequestBody AgentMessage body,
                                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        Summary c = ownedWithTakeover(caller, id);
        ConversationSnapshot sent = conversations.reply(caller.account(), c.key(),
                new AgentReply(caller.actor(), ReplyIds.of(caller.account(), id, idempotencyKey), body.content()),
                REPLY_WAIT_MILLIS);
        return sent == null ? ResponseEntity.accepted().build() : ResponseEntity.ok(State.of(id, sent));
    }

    @PostMapping("/api/conversations/{id}/release")
    State release(Caller caller, @PathVariable long id) {
        Summary c = ownedWithTakeover(caller, id);
        return State.of(id, conversations.release(caller.account(), c.key(), new AgentAction(caller.actor(), 0),
                "release:" + UUID.randomUUID()));
    }

    private Summary owned(Caller caller, long id) {
        return queries.find(caller.account(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No conversation " + id + " in this account"));
    }

    private Summary ownedWithTakeover(Caller caller, long id) {
        Summary c = owned(caller, id);
        plans.require(caller.account(), PlanFeature.TAKEOVER);
        return c;
    }
}
