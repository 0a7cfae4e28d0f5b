package dev.steward.api.bot;

import dev.steward.api.auth.Caller;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.secret.SecretBox;
import discord4j.common.util.TokenUtil;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An account's own Discord application. Its guilds then answer, moderate and post as that bot. The token is
 * sealed at rest and never returned.
 */
@RestController
class BotController {
    private final BotRepository bots;
    private final SecretBox secrets;
    private final AuditLog audit;
    private final Clock clock;

    BotController(BotRepository bots, SecretBox secrets, AuditLog audit, Clock clock) {
        this.bots = bots;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    record RegisterBot(@NotBlank @Pattern(regexp = "\\d{5,20}", message = "must be the application id (digits)") String applicationId,
                       @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the 64-character hex public key") String publicKey,
                       @NotBlank @Size(min = 20, max = 200) String token) {
    }

    record BotView(long id, String applicationId, String publicKey, String interactionsPath, Instant createdAt) {
        static BotView of(Bot bot) {
            return new BotView(bot.id(), bot.applicationId(), bot.publicKey(), "/discord/interactions/" + bot.applicationId(),
                    bot.createdAt());
        }
    }

    @PostMapping("/api/bots")
    @ResponseStatus(HttpStatus.CREATED)
    BotView register(Caller caller, @Valid @RequestBody RegisterBot body) {
        long account = caller.adminAccount();
        if (!secrets.configured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "APP_ENCRYPTION_KEY is not configured, so bot tokens cannot be stored safely");
        }
        requireBotToken(body.token().strip());
        if (bots.findByAccountId(account).isPresent() || bots.findByApplicationId(body.applicationId()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "This account or application already has a bot; delete it first");
        }
        Bot bot = bots.save(new Bot(null, account, body.applicationId(), body.publicKey().toLowerCase(),
                secrets.encrypt(body.token().strip()), clock.instant()));
        audit.record(account, caller.actor(), "bot.registered", body.applicationId(), "");
        return BotView.of(bot);
    }

    /** Discord4J refuses a token without the bot's id in front; refused here, it never reaches the gateway or a send. */
    private static void requireBotToken(String token) {
        try {
            TokenUtil.getSelfId(token);
        } catch (RuntimeException notABotToken) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "token must be the bot token from the Bot section of the developer portal");
        }
    }

    @GetMapping("/api/bots")
    List<BotView> list(Caller caller) {
        return bots.findByAccountId(caller.account()).stream().map(BotView::of).toList();
    }

    @DeleteMapping("/api/bots/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable long id) {
        long account = caller.adminAccount();
        Bot bot = bots.findById(id).filter(b -> b.accountId() == account)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No bot " + id));
        bots.delete(bot);
        audit.record(account, caller.actor(), "bot.deleted", bot.applicationId(), "");
    }
}
