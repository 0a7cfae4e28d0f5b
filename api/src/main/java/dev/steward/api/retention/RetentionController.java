package dev.steward.api.retention;

import dev.steward.api.auth.Caller;
import dev.steward.api.guild.GuildAccess;
import dev.steward.core.audit.AuditLog;
import dev.steward.core.retention.MemberData;
import dev.steward.core.retention.RetentionStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** How long message contents are kept, and a member's deletion request. */
@RestController
@Validated
class RetentionController {
    private final RetentionStore store;
    private final MemberData members;
    private final GuildAccess access;
    private final AuditLog audit;
    private final Clock clock;

    RetentionController(RetentionStore store, MemberData members, GuildAccess access, AuditLog audit, Clock clock) {
        this.store = store;
        this.members = members;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param days null keeps message contents until deleted */
    record Retention(@Min(1) @Max(3650) Integer days) {
    }

    record Deleted(int conversations, long messages, long moderationEntries) {
    }

    @GetMapping("/api/account/retention")
    Retention get(Caller caller) {
        return new Retention(store.days(caller.account()).orElse(null));
    }

    @PutMapping("/api/account/retention")
    Retention set(Caller caller, @Valid @RequestBody Retention body) {
        long account = caller.adminAccount();
        store.setDays(account, body.days());
        audit.record(account, caller.actor(), "account.retention.updated", Long.toString(account),
                body.days() == null ? "keep" : body.days() + " days");
        return body;
    }

    /** Deletes the member's transcripts in the guild and blanks their moderation log originals. */
    @DeleteMapping("/api/guilds/{guildId}/members/{userId}")
    Deleted deleteMember(Caller caller, @PathVariable String guildId,
                         @PathVariable @Pattern(regexp = "\\d{1,20}", message = "must be a Discord id (digits)") String userId) {
        long account = caller.adminAccount();
        access.owned(account, guildId);
        RetentionStore.MemberDeletion deleted = members.delete(account, guildId, userId, clock.instant());
        audit.record(account, caller.actor(), "member.data_deleted", guildId + "/" + userId,
                deleted.conversations().size() + " conversations, " + deleted.messages() + " messages, "
                        + deleted.moderationEntries() + " moderation entries");
        return new Deleted(deleted.conversations().size(), deleted.messages(), deleted.moderationEntries());
    }
}
