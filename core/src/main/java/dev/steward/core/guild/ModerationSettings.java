package dev.steward.core.guild;

import dev.steward.workflows.moderation.ModerationAction;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A guild's moderation settings, stored with the guild (columns {@code mod_*}). */
public record ModerationSettings(boolean enabled, boolean aiEnabled, String rules,
                                 boolean deleteEnabled, boolean warnEnabled, boolean timeoutEnabled,
                                 boolean kickEnabled, boolean banEnabled, int timeoutMinutes,
                                 double confidenceThreshold, String blockedWords, String blockedPatterns,
                                 boolean blockInvites, boolean blockLinks, String allowedDomains, int maxMentions,
                                 ModerationAction filterAction, String exemptRoleIds, String exemptChannelIds,
                                 int repeatTimeoutAfter, int repeatKickAfter, int repeatBanAfter, int repeatWindowDays) {

    public static ModerationSettings defaults() {
        return new ModerationSettings(false, true, "", true, true, false, false, false, 10, 0.8, "", "", false, false,
                "", 0, ModerationAction.DELETE, "", "", 3, 5, 7, 30);
    }

    public Set<ModerationAction> enabledActions() {
        Set<ModerationAction> actions = EnumSet.noneOf(ModerationAction.class);
        if (deleteEnabled) {
            actions.add(ModerationAction.DELETE);
        }
        if (warnEnabled) {
            actions.add(ModerationAction.WARN);
        }
        if (timeoutEnabled) {
            actions.add(ModerationAction.TIMEOUT);
        }
        if (kickEnabled) {
            actions.add(ModerationAction.KICK);
        }
        if (banEnabled) {
            actions.add(ModerationAction.BAN);
        }
        return actions;
    }

    /** One entry per line or comma: the exempt role and channel ids. */
    public static List<String> entries(String list) {
        return Arrays.stream(list.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * One entry per line, commas included: blocked words, blocked patterns (a comma is part of a regex, as in
     * {@code [0-9]{6,}}) and allowed domains, which the API stores one per line.
     */
    public static List<String> lines(String list) {
        return list.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
