package dev.steward.workers.moderation;

import dev.steward.core.guild.ModerationSettings;
import dev.steward.workflows.moderation.ModerationAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.steward.workflows.moderation.ModerationAction.BAN;
import static dev.steward.workflows.moderation.ModerationAction.DELETE;
import static dev.steward.workflows.moderation.ModerationAction.KICK;
import static dev.steward.workflows.moderation.ModerationAction.TIMEOUT;
import static dev.steward.workflows.moderation.ModerationAction.WARN;
import static org.assertj.core.api.Assertions.assertThat;

class ActionChoiceTest {
    static Set<ModerationAction> enabled(String list) {
        Set<ModerationAction> set = EnumSet.noneOf(ModerationAction.class);
        if (!list.isBlank()) {
            Arrays.stream(list.split(" ")).map(ModerationAction::valueOf).forEach(set::add);
        }
        return set;
    }

    @ParameterizedTest(name = "recommended {0}, enabled [{1}], confidence {2} -> {3}")
    @CsvSource({
            // the recommended action, when enabled and confident enough
            "DELETE,  DELETE WARN,                0.90, DELETE",
            "BAN,     DELETE WARN TIMEOUT KICK BAN, 0.95, BAN",
            "WARN,    WARN,                       0.80, WARN",
            // below the threshold (0.8): nothing, whatever is enabled
            "BAN,     DELETE WARN TIMEOUT KICK BAN, 0.79, NONE",
            "DELETE,  DELETE,                     0.10, NONE",
            // not enabled: the strongest enabled action that is not harsher
            "BAN,     DELETE WARN,                0.90, DELETE",
            "KICK,    WARN TIMEOUT,               0.90, TIMEOUT",
            "DELETE,  WARN,                       0.90, WARN",
            "DELETE,  TIMEOUT KICK BAN,           0.90, NONE",
            "WARN,    DELETE,                     0.90, NONE",
            // nothing recommended, nothing enabled
            "NONE,    DELETE WARN TIMEOUT KICK BAN, 1.00, NONE",
            "BAN,     '',                         1.00, NONE",
    })
    void recommendationTimesEnabledActionsTimesConfidence(ModerationAction recommended, String enabledActions,
                                                          double confidence, ModerationAction expected) {
        assertThat(ActionChoice.choose(recommended, enabled(enabledActions), confidence, 0.8)).isEqualTo(expected);
    }

    static ModerationSettings settings(boolean timeout, boolean kick, boolean ban) {
        return new ModerationSettings(true, true, "", true, true, timeout, kick, ban, 10, 0.8, "", "", false, false, "", 0,
                DELETE, "", "", 3, 5, 7, 30);
    }

    @ParameterizedTest(name = "{0} with {1} earlier violations -> {3}")
    @CsvSource({
            "WARN, 0, true,  WARN",
            "WARN, 1, true,  WARN",
            "WARN, 2, true,  TIMEOUT",
            "WARN, 4, true,  KICK",
            "WARN, 6, true,  BAN",
            "WARN, 6, false, WARN",
            "DELETE, 3, true, TIMEOUT",
            "BAN, 0, true, BAN",
    })
    void repeatOffendersMoveUpOnlyToEnabledActions(ModerationAction action, int earlier, boolean harshEnabled,
                                                   ModerationAction expected) {
        assertThat(ActionChoice.escalate(action, earlier, settings(harshEnabled, harshEnabled, harshEnabled)))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"BAN, DELETE BAN", "TIMEOUT, DELETE TIMEOUT", "WARN, WARN", "DELETE, DELETE"})
    void theMessageIsRemovedFirstWhenDeletingIsEnabled(ModerationAction action, String steps) {
        List<ModerationAction> expected = Arrays.stream(steps.split(" ")).map(ModerationAction::valueOf).toList();
        assertThat(ActionChoice.steps(action, enabled("DELETE WARN TIMEOUT KICK BAN"))).isEqualTo(expected);
        assertThat(ActionChoice.steps(BAN, enabled("BAN"))).containsExactly(BAN);
        assertThat(ActionChoice.steps(KICK, enabled("WARN KICK"))).containsExactly(KICK);
    }
}
