package dev.steward.workers.moderation;

import dev.steward.core.guild.ModerationSettings;
import dev.steward.workflows.moderation.ModerationAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which action to take, erring on the side of caution: below the guild's confidence threshold nothing; else
 * the recommended action if it is enabled, else the strongest enabled action that is not harsher; else nothing.
 * Repeat offenders move up: at the thresholds a lesser action becomes a timeout, a kick, a ban (if enabled).
 */
final class ActionChoice {
    private ActionChoice() {
    }

    static ModerationAction choose(ModerationAction recommended, Set<ModerationAction> enabled, double confidence,
                                   double threshold) {
        if (recommended == ModerationAction.NONE || confidence < threshold) {
            return ModerationAction.NONE;
        }
        return strongestEnabledUpTo(recommended, enabled);
    }

    static ModerationAction strongestEnabledUpTo(ModerationAction limit, Set<ModerationAction> enabled) {
        for (int i = limit.ordinal(); i > 0; i--) {
            ModerationAction candidate = ModerationAction.values()[i];
            if (enabled.contains(candidate)) {
                return candidate;
            }
        }
        return ModerationAction.NONE;
    }

    /** @param earlierViolations violations of the member within the window, this one not counted */
    static ModerationAction escalate(ModerationAction action, int earlierViolations, ModerationSettings settings) {
        if (action == ModerationAction.NONE) {
            return action;
        }
        int count = earlierViolations + 1;
        Set<ModerationAction> enabled = settings.enabledActions();
        ModerationAction result = action;
        if (count >= settings.repeatTimeoutAfter() && enabled.contains(ModerationAction.TIMEOUT)) {
            result = harsher(result, ModerationAction.TIMEOUT);
        }
        if (count >= settings.repeatKickAfter() && enabled.contains(ModerationAction.KICK)) {
            result = harsher(result, ModerationAction.KICK);
        }
        if (count >= settings.repeatBanAfter() && enabled.contains(ModerationAction.BAN)) {
            result = harsher(result, ModerationAction.BAN);
        }
        return result;
    }

    /** The actions to run: the message goes first (when deleting is enabled), then the action on the member. */
    static List<ModerationAction> steps(ModerationAction action, Set<ModerationAction> enabled) {
        List<ModerationAction> steps = new ArrayList<>();
        if (action.ordinal() > ModerationAction.DELETE.ordinal() && enabled.contains(ModerationAction.DELETE)) {
            steps.add(ModerationAction.DELETE);
        }
        if (action != ModerationAction.NONE) {
            steps.add(action);
        }
        return steps;
    }

    private static ModerationAction harsher(ModerationAction a, ModerationAction b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
