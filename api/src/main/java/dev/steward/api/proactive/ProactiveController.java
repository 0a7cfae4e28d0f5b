package dev.steward.api.proactive;

import dev.steward.api.auth.Caller;
import dev.steward.api.guild.GuildAccess;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.guild.ProactiveSettings;
import dev.steward.core.proactive.ProactivePostStore;
import dev.steward.core.proactive.ProactiveSchedules;
import dev.steward.workflows.proactive.PostFrequency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** Proactive posts: settings (which start, restart or stop the guild's cron workflow), history, post now. */
@RestController
class ProactiveController {
    private final GuildAccess access;
    private final GuildRepository guilds;
    private final ProactiveSchedules schedules;
    private final ProactivePostStore posts;
    private final AuditLog audit;
    private final Clock clock;

    ProactiveController(GuildAccess access, GuildRepository guilds, ProactiveSchedules schedules, ProactivePostStore posts,
                        AuditLog audit, Clock clock) {
        this.access = access;
        this.guilds = guilds;
        this.schedules = schedules;
        this.posts = posts;
        this.audit = audit;
        this.clock = clock;
    }

    record ProactiveBody(@NotNull Boolean enabled,
                         @NotBlank @Size(max = 100) @Pattern(regexp = "#?[\\p{L}\\p{N}_-]+", message = "must be a channel name like general")
                         String channelName,
                         @NotNull PostFrequency frequency,
                         @NotNull @Size(max = 50) List<@NotBlank @Size(max = 300) String> topics) {
    }

    record ProactiveView(ProactiveBody settings, boolean scheduled) {
    }

    record Started(String workflowId) {
    }

    @GetMapping("/api/guilds/{guildId}/proactive")
    ProactiveView get(Caller caller, @PathVariable String guildId) {
        return view(access.owned(caller.account(), guildId));
    }

    @PutMapping("/api/guilds/{guildId}/proactive")
    ProactiveView update(Caller caller, @PathVariable String guildId, @Valid @RequestBody ProactiveBody body) {
        long account = caller.adminAccount();
        Guild guild = access.owned(account, guildId);
        Guild saved = guilds.save(guild.withProactive(new ProactiveSettings(body.enabled(),
                body.channelName().replaceFirst("^#", ""), body.frequency(), String.join("\n", body.topics())),
                clock.instant()));
        schedules.apply(saved);
        audit.record(account, caller.actor(), "guild.proactive.updated", guildId,
                (body.enabled() ? "enabled " : "disabled ") + body.frequency() + " #" + body.channelName());
        return view(saved);
    }

    @GetMapping("/api/guilds/{guildId}/proactive/posts")
    List<ProactivePostStore.StoredPost> posts(Caller caller, @PathVariable String guildId) {
        access.owned(caller.account(), guildId);
        return posts.recent(guildId, 100);
    }

    @PostMapping("/api/guilds/{guildId}/proactive/posts")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started postNow(Caller caller, @PathVariable String guildId) {
        long account = caller.adminAccount();
        access.owned(account, guildId);
        audit.record(account, caller.actor(), "guild.proactive.post_now", guildId, "");
        return new Started(schedules.postNow(guildId, clock.millis()));
    }

    private ProactiveView view(Guild guild) {
        ProactiveSettings s = guild.proactive();
        return new ProactiveView(new ProactiveBody(s.enabled(), s.channelName(), s.frequency(), s.topicList()),
                schedules.isRunning(guild.discordGuildId()));
    }
}
