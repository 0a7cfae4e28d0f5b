package dev.steward.workers.discord;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionGuardAndNoncesTest {
    @Test
    void massMentionsAndRolePingsAreDefused() {
        String defused = MentionGuard.defuse("Hey @everyone and @here, ask <@&123456> or <@42>");
        assertThat(defused).doesNotContain("@everyone", "@here", "<@&123456>").contains("<@42>");
    }

    @Test
    void nonceIsStablePerSeedAndPartAndFitsDiscordsLimit() {
        String seed = "message-123456789012345678-123456789012345678:reply";
        assertThat(Nonces.of(seed, 0)).isEqualTo(Nonces.of(seed, 0)).hasSizeLessThanOrEqualTo(Nonces.MAX_LENGTH);
        assertThat(Nonces.of(seed, 0)).isNotEqualTo(Nonces.of(seed, 1));
        assertThat(Nonces.of(seed, 0)).isNotEqualTo(Nonces.of(seed.replace("reply", "warn"), 0));
    }
}
