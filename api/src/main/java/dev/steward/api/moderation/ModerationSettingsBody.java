package dev.steward.api.moderation;

import dev.steward.core.guild.ModerationSettings;
import dev.steward.workflows.moderation.ModerationAction;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Moderation settings as admins send them; lists are JSON arrays. Every field is required (PUT replaces). */
record ModerationSettingsBody(
        @NotNull Boolean enabled, @NotNull Boolean aiEnabled, @NotNull @Size(max = 8000) String rules,
        @NotNull Boolean deleteEnabled, @NotNull Boolean warnEnabled, @NotNull Boolean timeoutEnabled,
        @NotNull Boolean kickEnabled, @NotNull Boolean banEnabled,
        @NotNull @Min(1) @Max(40320) Integer timeoutMinutes,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double confidenceThreshold,
        @NotNull @Size(max = 500) List<@Size(min = 1, max = 100) String> blockedWords,
        @NotNull @Size(max = 100) List<@Size(min = 1, max = 300) String> blockedPatterns,
        @NotNull Boolean blockInvites, @NotNull Boolean blockLinks,
        @NotNull @Size(max = 200) List<@Size(min = 1, max = 253) String> allowedDomains,
        @NotNull @Min(0) @Max(100) Integer maxMentions,
        @NotNull ModerationAction filterAction,
        @NotNull @Size(max = 100) List<String> exemptRoleIds,
        @NotNull @Size(max = 100) List<String> exemptChannelIds,
        @NotNull @Min(1) Integer repeatTimeoutAfter, @NotNull @Min(1) Integer repeatKickAfter,
        @NotNull @Min(1) Integer repeatBanAfter, @NotNull @Min(1) @Max(365) Integer repeatWindowDays) {

    ModerationSettings toSettings() {
        return new ModerationSettings(enabled, aiEnabled, rules, deleteEnabled, warnEnabled, timeoutEnabled, kickEnabled,
                banEnabled, timeoutMinutes, confidenceThreshold, String.join("\n", blockedWords),
                String.join("\n", blockedPatterns), blockInvites, blockLinks, String.join("\n", allowedDomains),
                maxMentions, filterAction, String.join(",", exemptRoleIds), String.join(",", exemptChannelIds),
                repeatTimeoutAfter, repeatKickAfter, repeatBanAfter, repeatWindowDays);
    }

    static ModerationSettingsBody of(ModerationSettings s) {
        return new ModerationSettingsBody(s.enabled(), s.aiEnabled(), s.rules(), s.deleteEnabled(), s.warnEnabled(),
                s.timeoutEnabled(), s.kickEnabled(), s.banEnabled(), s.timeoutMinutes(), s.confidenceThreshold(),
                ModerationSettings.lines(s.blockedWords()), ModerationSettings.lines(s.blockedPatterns()),
                s.blockInvites(), s.blockLinks(), ModerationSettings.lines(s.allowedDomains()), s.maxMentions(),
                s.filterAction(), ModerationSettings.entries(s.exemptRoleIds()),
                ModerationSettings.entries(s.exemptChannelIds()), s.repeatTimeoutAfter(), s.repeatKickAfter(),
                s.repeatBanAfter(), s.repeatWindowDays());
    }
}
