package dev.steward.api.interactions;

import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.bot.CachedBots;
import dev.steward.core.guild.CachedGuilds;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.core.ratelimit.MemberRateWindow;
import dev.steward.workflows.message.AskNotes;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.InteractionRef;
import dev.steward.workflows.message.MessageWorkflowIds;
import dev.steward.workflows.message.MessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Discord's Interactions Endpoint. Every request is verified first (401 otherwise, as Discord tests on
 * purpose). PING answers PONG; /ask starts the message workflow and answers "deferred" at once, well inside
 * Discord's 3 seconds; the workflow edits the response with the answer later.
 */
@RestController
class InteractionsController {
    private static final Logger log = LoggerFactory.getLogger(InteractionsController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PING = 1;
    private static final int APPLICATION_COMMAND = 2;
    private static final int EPHEMERAL = 1 << 6;
    static final Duration START_BUDGET = Duration.ofMillis(2000);
    static final String OTHER_BOT = "This server's assistant answers through its own bot: use that bot's /ask.";

    private final DiscordProperties discord;
    private final MessageWorkflowStarter starter;
    private final MemberRateWindow rateLimiter;
    private final BotRepository bots;
    private final CachedGuilds guilds;
    private final CachedBots guildBots;
    private final Clock clock;
    private final ExecutorService starts = Executors.newCachedThreadPool();

    InteractionsController(DiscordProperties discord, MessageWorkflowStarter starter, MemberRateWindow rateLimiter,
                           BotRepository bots, CachedGuilds guilds, CachedBots guildBots, Clock clock) {
        this.bots = bots;
        this.guilds = guilds;
        this.guildBots = guildBots;
        this.discord = discord;
        this.starter = starter;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** The shared bot's endpoint. */
    @PostMapping("/discord/interactions")
    ResponseEntity<Map<String, Object>> interact(@RequestHeader(value = "X-Signature-Ed25519", required = false) String signature,
                                                 @RequestHeader(value = "X-Signature-Timestamp", required = false) String timestamp,
                                                 @RequestBody(required = false) byte[] body) {
        return handle(null, discord.publicKey(), signature, timestamp, body);
    }

    /** A custom bot's endpoint: verified with that application's own public key. */
    @PostMapping("/discord/interactions/{applicationId}")
    ResponseEntity<Map<String, Object>> interactAs(@PathVariable String applicationId,
                                                   @RequestHeader(value = "X-Signature-Ed25519", required = false) String signature,
                                                   @RequestHeader(value = "X-Signature-Timestamp", required = false) String timestamp,
                                                   @RequestBody(required = false) byte[] body) {
        if (applicationId.equals(discord.applicationId())) {
            return handle(null, discord.publicKey(), signature, timestamp, body);
        }
        return handle(applicationId, bots.findByApplicationId(applicationId).map(Bot::publicKey).orElse(null),
                signature, timestamp, body);
    }

    /** @param customBot the custom bot's application whose key signed the request; null for the shared bot */
    private ResponseEntity<Map<String, Object>> handle(String customBot, String publicKey, String signature,
                                                       String timestamp, byte[] body) {
        if (!InteractionSignatures.valid(publicKey, signature, timestamp, body, clock.instant())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid request signature"));
        }
        JsonNode interaction;
        try {
            interaction = JSON.readTree(body);
        } catch (RuntimeException malformed) {
            return ResponseEntity.badRequest().body(Map.of("error", "malformed interaction"));
        }
        int type = interaction.path("type").asInt(0);
        if (type == PING) {
            return ResponseEntity.ok(Map.of("type", 1));
        }
        if (type == APPLICATION_COMMAND && "ask".equals(interaction.path("data").path("name").asString(""))) {
            return ResponseEntity.ok(ask(customBot, interaction));
        }
        log.info("Ignoring interaction of type {} ({})", type, interaction.path("data").path("name").asString(""));
        return ResponseEntity.ok(message("Steward does not know that command.", true));
    }

    private Map<String, Object> ask(String customBot, JsonNode interaction) {
        AskParsing.Parsed parsed = AskParsing.parse(interaction);
        if (parsed.message() == null) {
            return message(parsed.hint(), true);
        }
        IncomingMessage message = parsed.message();
        String refusal = refusal(customBot, message);
        if (refusal != null) {
            return message(refusal, true);
        }
        if (!rateLimiter.allow(message.guildId(), message.authorId(), clock.instant())) {
            return message("Slow down a little: you have asked a lot of questions in a short time. Try again in a minute.",
                    true);
        }
        try {
            // Discord waits 3 seconds: a Temporal that does not answer within START_BUDGET gets an error reply.
            CompletableFuture.supplyAsync(() -> starter.start(message), starts)
                    .get(START_BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            return Map.of("type", 5);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return message("Sorry, I can't answer right now. Please try again in a minute.", true);
        } catch (ExecutionException | TimeoutException unavailable) {
            log.error("Could not start the /ask workflow for interaction {}: {}", message.messageId(), unavailable.toString());
            return message("Sorry, I can't answer right now. Please try again in a minute.", true);
        }
    }

    /**
     * A signature proves only which application sent the interaction. The guild it names must be one that
     * application serves (the account's own bot, else the shared one): otherwise an admin who registered an
     * application of their own could sign /ask for another account's guild, its quota, members and knowledge.
     */
    private String refusal(String customBot, IncomingMessage message) {
        String named = message.interaction().applicationId();
        // The shared bot's id may be left unset: then its key alone vouches for the body.
        String signer = customBot != null ? customBot : discord.applicationId().isBlank() ? named : discord.applicationId();
        if (!signer.equals(named)) {
            log.warn("Refusing /ask {}: signed by application {} but names application {}", message.messageId(),
                    signer, named);
            return OTHER_BOT;
        }
        if (guilds.byDiscordGuildId(message.guildId()).isEmpty()) {
            log.info("Refusing /ask {}: guild {} is not connected", message.messageId(), message.guildId());
            return AskNotes.NOT_SET_UP;
        }
        String servingBot = guildBots.byDiscordGuildId(message.guildId()).map(Bot::applicationId).orElse(null);
        if (!Objects.equals(servingBot, customBot)) {
            log.warn("Refusing /ask {}: guild {} is served by {}, not by application {}", message.messageId(),
                    message.guildId(), servingBot == null ? "the shared bot" : "application " + servingBot, signer);
            return OTHER_BOT;
        }
        return null;
    }

    /** An immediate message response (type 4); ephemeral ones only the asker sees. */
    private static Map<String, Object> message(String content, boolean ephemeral) {
        return Map.of("type", 4, "data", Map.of("content", content, "flags", ephemeral ? EPHEMERAL : 0,
                "allowed_mentions", Map.of("parse", List.of())));
    }
}
