package dev.steward.core.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MemberRateWindowTest {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void allowsTheLimitPerMemberWithinTheWindowThenSlidesOn() {
        MemberRateWindow window = new MemberRateWindow(3, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(window.allow("g", "alice", T0.plusSeconds(i))).isTrue();
        }
        assertThat(window.allow("g", "alice", T0.plusSeconds(10))).isFalse();
        assertThat(window.allow("g", "bob", T0.plusSeconds(10))).as("another member").isTrue();
        assertThat(window.allow("h", "alice", T0.plusSeconds(10))).as("another guild").isTrue();
        assertThat(window.allow("g", "alice", T0.plusSeconds(60))).as("the first question left the window").isTrue();
        assertThat(window.allow("g", "alice", T0.plusSeconds(61))).isTrue();
        assertThat(window.allow("g", "alice", T0.plusSeconds(61))).isFalse();
    }

    @Test
    void refusedAttemptsDoNotProlongTheBlock() {
        MemberRateWindow window = new MemberRateWindow(1, Duration.ofSeconds(60));
        assertThat(window.allow("g", "spammer", T0)).isTrue();
        for (int i = 1; i < 1000; i++) {
            assertThat(window.allow("g", "spammer", T0.plusMillis(i))).isFalse();
        }
        assertThat(window.allow("g", "spammer", T0.plusSeconds(61))).isTrue();
    }
}
