package dev.steward.api.moderation;

import dev.steward.api.auth.Caller;
import dev.steward.api.guild.GuildAccess;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.moderation.GuildHealth;
import dev.steward.core.moderation.ModerationLogQuery;
import dev.steward.core.moderation.ModerationLogRecord;
import dev.steward.core.moderation.ModerationLogStore;
import dev.steward.workflows.moderation.ModerationAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A guild's moderation settings and health, and its moderation log. */
@RestController
class ModerationController {
    private final GuildAccess access;
    private final GuildRepository guilds;
    private final GuildHealth health;
    private final ModerationLogStore moderationLog;
    private final AuditLog audit;
    private final Clock clock;

    ModerationController(GuildAccess access, GuildRepository guilds, GuildHealth health, ModerationLogStore moderationLog,
                         AuditLog audit, Clock clock) {
        this.access = access;
        this.guilds = guilds;
        this.health = health;
        this.moderationLog = moderationLog;
        this.audit = audit;
        this.clock = clock;
    }

    record ModerationView(ModerationSettingsBody settings, List<String> health) {
    }

    record LogPage(List<ModerationLogRecord> entries, Long nextCursor) {
    }

    @GetMapping("/api/guilds/{guildId}/moderation")
    ModerationView get(Caller caller, @PathVariable String guildId) {
        Guild guild = access.owned(caller.account(), guildId);
        return new ModerationView(ModerationSettingsBody.of(guild.moderation()), health.problems(guildId));
    }

    @PutMapping("/api/guilds/{guildId}/moderation")
    ModerationView update(Caller caller, @PathVariable String guildId, @Valid @RequestBody ModerationSettingsBody body) {
        long account = caller.adminAccount();
        Guild guild = access.owned(account, guildId);
        body.blockedPatterns().forEach(ModerationController::requireValidPattern);
        if (body.filterAction() == ModerationAction.NONE) {
            throw new IllegalArgumentException("filterAction: choose the action a filter hit takes (DELETE, WARN, ...)");
        }
        Guild saved = guilds.save(guild.withModeration(body.toSettings(), clock.instant()));
        audit.record(account, caller.actor(), "guild.moderation.updated", guildId,
                "enabled=" + body.enabled() + " actions=" + saved.moderation().enabledActions());
        return new ModerationView(ModerationSettingsBody.of(saved.moderation()), health.problems(guildId));
    }

    @GetMapping("/api/guilds/{guildId}/moderation/log")
    LogPage log(Caller caller, @PathVariable String guildId,
                @RequestParam(required = false) ModerationAction action,
                @RequestParam(required = false) String member, @RequestParam(required = false) String channel,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                @RequestParam(required = false) Long cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        long account = caller.account();
        access.owned(account, guildId);
        List<ModerationLogRecord> entries = moderationLog.list(new ModerationLogQuery(account, guildId,
                action == null ? null : action.name(), member, channel, from, to, cursor, limit));
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new LogPage(entries, next);
    }

    @GetMapping("/api/guilds/{guildId}/moderation/log/{id}")
    ModerationLogRecord entry(Caller caller, @PathVariable String guildId, @PathVariable long id) {
        access.owned(caller.account(), guildId);
        return found(caller.account(), guildId, id);
    }

    @PostMapping("/api/guilds/{guildId}/moderation/log/{id}/false-positive")
    ModerationLogRecord falsePositive(Caller caller, @PathVariable String guildId, @PathVariable long id) {
        long account = caller.adminAccount();
        access.owned(account, guildId);
        found(account, guildId, id);
        moderationLog.markFalsePositive(account, guildId, id, caller.actor(), clock.instant());
        audit.record(account, caller.actor(), "moderation.false_positive", guildId + "/" + id, "");
        return found(account, guildId, id);
    }

    private ModerationLogRecord found(long account, String guildId, long id) {
        return moderationLog.find(account, guildId, id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No moderation log entry " + id));
    }

    private static void requireValidPattern(String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException invalid) {
            throw new IllegalArgumentException("blockedPatterns: '" + pattern + "' is not a valid regular expression");
        }
    }
}
