package dev.steward.bridge;

import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.secret.SecretBox;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The custom bots this bridge runs sessions for, and which bot serves which guild (read-only). */
@Component
class BotTokens {
    private final BotRepository bots;
    private final GuildRepository guilds;
    private final SecretBox secrets;

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

    Snapshot current() {
        Map<Long, Bot> byAccount = bots.findAll().stream().collect(Collectors.toMap(Bot::accountId, b -> b));
        Map<String, String> tokens = new HashMap<>();
        byAccount.values().forEach(b -> tokens.put(b.applicationId(), secrets.decrypt(b.tokenCiphertext())));
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
