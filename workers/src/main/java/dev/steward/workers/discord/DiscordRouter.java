package dev.steward.workers.discord;

import dev.steward.core.bot.Bot;
import dev.steward.core.bot.CachedBots;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.secret.SecretBox;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the Discord identity that acts in a guild: the account's own bot when it registered one, else the
 * shared bot (or the sandbox). A message from the sandbox API is always answered and moderated in the sandbox:
 * its ids are whatever the caller typed, so a real bot must never act on them. Clients of custom bots are
 * kept per bot and rebuilt when its token changes.
 */
@Component
public class DiscordRouter {
    private final DiscordActions shared;
    private final SandboxDiscordActions sandbox;
    private final CachedBots bots;
    private final SecretBox secrets;
    private final DiscordProperties discord;
    private final Map<Long, Custom> custom = new ConcurrentHashMap<>();

    private record Custom(String tokenCiphertext, DiscordActions actions) {
    }

    DiscordRouter(DiscordActions shared, SandboxDiscordActions sandbox, CachedBots bots, SecretBox secrets,
                  DiscordProperties discord) {
        this.shared = shared;
        this.sandbox = sandbox;
        this.bots = bots;
        this.secrets = secrets;
        this.discord = discord;
    }

    /** @param fromSandbox the action is about a message posted through the sandbox API */
    public DiscordActions forGuild(String guildId, boolean fromSandbox) {
        return fromSandbox ? sandbox : forGuild(guildId);
    }

    public DiscordActions forGuild(String guildId) {
        Optional<Bot> bot = bots.byDiscordGuildId(guildId);
        if (bot.isEmpty()) {
            return shared;
        }
        Bot b = bot.get();
        return custom.compute(b.id(), (id, cached) -> cached != null && cached.tokenCiphertext().equals(b.tokenCiphertext())
                ? cached
                : new Custom(b.tokenCiphertext(), actions(b)))
                .actions();
    }

    /**
     * A token that cannot be opened, or that Discord4J refuses (stored before registration checked it), will not
     * get better by retrying: the send fails at once and says what to do, instead of retrying for half an hour.
     */
    private RestDiscordActions actions(Bot bot) {
        try {
            return RestDiscordActions.forBot(secrets.decrypt(bot.tokenCiphertext()), discord);
        } catch (RuntimeException unusable) {
            throw ApplicationFailure.newNonRetryableFailure("The token of custom bot " + bot.applicationId()
                    + " cannot be used (" + unusable.getClass().getSimpleName() + "); register the bot again",
                    "DiscordBadToken");
        }
    }
}
