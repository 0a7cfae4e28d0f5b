package dev.steward.api.sandbox;

import dev.steward.api.auth.Caller;
import dev.steward.api.guild.GuildAccess;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.core.sandbox.SandboxAction;
import dev.steward.core.sandbox.SandboxActionStore;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageSource;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sandbox Discord for local mode: post a message as a member of a connected guild, through the same
 * workflow as a gateway message, and read back what the bot did. Off when a real bot token is configured.
 * A guild served by a custom bot takes sandbox messages too: the workflow marks every Discord call about
 * them as sandboxed, and the workers record those calls here instead of making them (DiscordRouter).
 */
@RestController
class SandboxController {
    private static final String SNOWFLAKE = "\\d{1,20}";
    private final GuildAccess guilds;
    private final MessageWorkflowStarter starter;
    private final SandboxActionStore actions;
    private final DiscordProperties discord;
    private final AtomicLong lastMessageId = new AtomicLong(System.currentTimeMillis() << 22);

    SandboxController(GuildAccess guilds, MessageWorkflowStarter starter, SandboxActionStore actions,
                      DiscordProperties discord) {
        this.guilds = guilds;
        this.starter = starter;
        this.actions = actions;
        this.discord = discord;
    }

    record SandboxMessage(@NotNull @Size(max = 4000) String content,
                          @Pattern(regexp = SNOWFLAKE) String channelId,
                          @Pattern(regexp = SNOWFLAKE) String authorId,
                          @Size(max = 100) String authorName,
                          Boolean mentionsBot, Boolean replyToBot) {
    }

    record Posted(String messageId, String workflowId, MessageOutcome outcome, List<SandboxAction> actions) {
    }

    @PostMapping("/api/sandbox/guilds/{guildId}/messages")
    Posted post(Caller caller, @PathVariable String guildId, @Valid @RequestBody SandboxMessage body,
                @RequestParam(defaultValue = "30") @Min(0) @Max(120) int waitSeconds) {
        guilds.owned(caller.account(), guildId);
        requireSandbox();
        String messageId = Long.toString(lastMessageId.incrementAndGet());
        IncomingMessage message = new IncomingMessage(MessageSource.SANDBOX, guildId, orDefault(body.channelId(), "1"),
                messageId, orDefault(body.authorId(), "2"), orDefault(body.authorName(), "sandbox-member"), false,
                body.content(), body.mentionsBot() == null || body.mentionsBot(), Boolean.TRUE.equals(body.replyToBot()), 0);
        String workflowId = starter.start(message).workflowId();
        MessageOutcome outcome = waitSeconds == 0 ? null : starter.awaitOutcome(workflowId, Duration.ofSeconds(waitSeconds));
        List<SandboxAction> replies = outcome == null ? List.of() : actions.list(guildId, 0, 1000).stream()
                .filter(a -> messageId.equals(a.targetMessageId()) || outcome.replyMessageIds().contains(a.messageId()))
                .toList();
        return new Posted(messageId, workflowId, outcome, replies);
    }

    @GetMapping("/api/sandbox/guilds/{guildId}/actions")
    List<SandboxAction> actions(Caller caller, @PathVariable String guildId,
                                @RequestParam(defaultValue = "0") long after) {
        guilds.owned(caller.account(), guildId);
        requireSandbox();
        return actions.list(guildId, after, 200);
    }

    private void requireSandbox() {
        if (discord.hasBotToken()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The sandbox is off: a Discord bot token is configured");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
