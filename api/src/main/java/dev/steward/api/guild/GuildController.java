package dev.steward.api.guild;

import dev.steward.api.account.PlanGuard;
import dev.steward.api.auth.Caller;
import dev.steward.core.quota.PlanFeature;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.discord.CommandRegistrar;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.retention.GuildData;
import dev.steward.core.retention.RetentionStore;
import dev.steward.workflows.guild.ResponseMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.util.List;

/** Connecting guilds to the caller's account and changing their settings. */
@RestController
class GuildController {
    static final String SNOWFLAKE = "\\d{1,20}";
    private final GuildRepository guilds;
    private final GuildAccess access;
    private final GuildData data;
    private final PlanGuard plans;
    private final CommandRegistrar commands;
    private final AuditLog audit;
    private final DiscordProperties discord;
    private final Clock clock;

    GuildController(GuildRepository guilds, GuildAccess access, GuildData data, PlanGuard plans,
                    CommandRegistrar commands, AuditLog audit, DiscordProperties discord, Clock clock) {
        this.data = data;
        this.commands = commands;
        this.guilds = guilds;
        this.access = access;
        this.plans = plans;
        this.audit = audit;
        this.discord = discord;
        this.clock = clock;
    }

    record ConnectGuild(@NotBlank @Pattern(regexp = SNOWFLAKE, message = "must be a Discord id (digits)") String guildId,
                        @NotBlank @Size(max = 200) String name) {
    }

    record GuildSettings(@NotNull ResponseMode responseMode, Boolean smartMode, Boolean channelAwareness,
                         @Size(max = 50) List<@Pattern(regexp = SNOWFLAKE, message = "must be a Discord id (digits)") String> allowedChannelIds,
                         @Min(10) @Max(86400) Integer takeoverTimeoutSeconds) {
    }

    @PostMapping("/api/guilds")
    @ResponseStatus(HttpStatus.CREATED)
    GuildView connect(Caller caller, @Valid @RequestBody ConnectGuild body) {
        long account = caller.adminAccount();
        plans.require(account, PlanFeature.DISCORD);
        if (guilds.findByDiscordGuildId(body.guildId()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Guild " + body.guildId() + " is already connected");
        }
        Guild guild = guilds.save(Guild.connect(body.guildId(), account, body.name(), clock.instant()));
        audit.record(account, caller.actor(), "guild.connected", body.guildId(), body.name());
        commands.register(body.guildId());
        return GuildView.of(guild, discord.applicationId());
    }

    @GetMapping("/api/guilds")
    List<GuildView> list(Caller caller) {
        return guilds.findByAccountIdOrderById(caller.account()).stream()
                .map(g -> GuildView.of(g, discord.applicationId())).toList();
    }

    @GetMapping("/api/guilds/{guildId}")
    GuildView get(Caller caller, @PathVariable String guildId) {
        return GuildView.of(access.owned(caller.account(), guildId), discord.applicationId());
    }

    @PutMapping("/api/guilds/{guildId}/settings")
    GuildView updateSettings(Caller caller, @PathVariable String guildId, @Valid @RequestBody GuildSettings body) {
        long account = caller.adminAccount();
        Guild guild = access.owned(account, guildId);
        Guild updated = guilds.save(guild.withSettings(body.responseMode(),
                body.smartMode() == null ? guild.smartMode() : body.smartMode(),
                body.channelAwareness() == null ? guild.channelAwareness() : body.channelAwareness(),
                body.allowedChannelIds() == null ? guild.allowedChannelIds() : String.join(",", body.allowedChannelIds()),
                body.takeoverTimeoutSeconds() == null ? guild.takeoverTimeoutSeconds() : body.takeoverTimeoutSeconds(),
                clock.instant()));
        audit.record(account, caller.actor(), "guild.settings.updated", guildId, body.toString());
        return GuildView.of(updated, discord.applicationId());
    }

    /** Deletes the guild's data too: whoever connects it next, this account or another, starts clean. */
    @DeleteMapping("/api/guilds/{guildId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(Caller caller, @PathVariable String guildId) {
        long account = caller.adminAccount();
        RetentionStore.GuildDeletion deleted = data.disconnect(access.owned(account, guildId));
        audit.record(account, caller.actor(), "guild.disconnected", guildId, deleted.summary());
    }
}
