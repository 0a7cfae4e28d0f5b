package dev.steward.bridge;

import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.secret.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The custom bots this bridge runs sessions for, and which bot serves which guild (read-only). */
@Component
class BotTokens {
    private static final Logger log = LoggerFactory.getLogger(BotTokens.class);
    private final BotRepository bots;
    private final GuildRepository guilds;
    private final SecretBox secrets;
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

    BotTokens(BotRepository bots, GuildRepository guilds, SecretBox secrets) {
        this.bots = bots;
        this.guilds = guilds;
        this.secrets = secrets;
    }

    record Snapshot(Map<String, String> tokens, Map<String, String> botOfGuild) {
        /** The shared session serves guilds without a custom bot; a custom session serves its account's guilds. */
        boolean serves(String session, String guildId) {
            return session.equals(botOfGuild.getOrDefault(guildId, GatewaySessions.SHARED));
        }
    }

    /**
     * A token that cannot be opened (sealed under another encryption key, say) stops only its own bot's session;
     * it is logged once per stored value.
     */
    private Optional<String> decrypted(Bot bot) {
        try {
            return Optional.of(secrets.decrypt(bot.tokenCiphertext()));
        } catch (RuntimeException e) {
            if (unreadable.add(bot.tokenCiphertext())) {
                log.warn("Gateway bridge: cannot open the token of bot {} ({}); its session stays off until it is "
                        + "registered again", bot.applicationId(), e.getClass().getSimpleName());
            }
            return Optional.empty();
        }
    }

    Snapshot current() {
        Map<Long, Bot> byAccount = bots.findAll().stream().collect(Collectors.toMap(Bot::accountId, b -> b));
        Map<String, String> tokens = new HashMap<>();
        byAccount.values().forEach(b -> decrypted(b).ifPresent(token -> tokens.put(b.applicationId(), token)));
        Map<String, String> botOfGuild = new HashMap<>();
        for (Guild guild : guilds.findAll()) {
            Bot bot = byAccount.get(guild.accountId());
            if (bot != null) {
                botOfGuild.put(guild.discordGuildId(), bot.applicationId());
            }
        }
        return new Snapshot(tokens, botOfGuild);
    }
}
