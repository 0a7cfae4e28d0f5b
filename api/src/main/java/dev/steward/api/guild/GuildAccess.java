package dev.steward.api.guild;

import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds a guild of the caller's account; another account's guild looks exactly like a missing one (404). */
@Component
public class GuildAccess {
    private final GuildRepository guilds;

    GuildAccess(GuildRepository guilds) {
        this.guilds = guilds;
    }

    public Guild owned(long account, String guildId) {
        return guilds.findByDiscordGuildId(guildId).filter(g -> g.accountId() == account)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No guild " + guildId + " in this account"));
    }
}
