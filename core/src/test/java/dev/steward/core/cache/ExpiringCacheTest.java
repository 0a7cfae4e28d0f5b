package dev.steward.core.cache;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringCacheTest {
    final AtomicLong now = new AtomicLong(1_000);
    final AtomicInteger loads = new AtomicInteger();

    String load(String key) {
        return key + loads.incrementAndGet();
    }

    @Test
    void aValueIsLoadedOnceUntilItExpires() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 100, v -> true, now::get);

        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void clearingMakesTheNextReadLoad() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 100, v -> true, now::get);
        cache.get("a", this::load);

        cache.clear();

        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }

    @Test
    void aLoadThatRanWhileTheCacheWasClearedIsNotKept() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 100, v -> true, now::get);

        String during = cache.get("a", key -> {
            cache.clear(); // a write commits while this load reads the old row
            return "old";
        });

        assertThat(during).isEqualTo("old");
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
    }

    @Test
    void aZeroLifetimeKeepsNothing() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ZERO, 100, v -> true, now::get);

        cache.get("a", this::load);
        cache.get("a", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void theNumberOfEntriesIsBounded() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 2, v -> true, now::get);
        cache.get("a", this::load);
        cache.get("b", this::load);

        cache.get("c", this::load); // full: starts over

        assertThat(cache.get("c", this::load)).isEqualTo("c3");
        assertThat(cache.get("a", this::load)).isEqualTo("a4");
    }

    @Test
    void aValueTheKeepTestRefusesIsLoadedEachTime() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(Duration.ofSeconds(5), 100, v -> !v.equals("a1"), now::get);

        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
        assertThat(cache.get("a", this::load)).isEqualTo("a2");
    }
}
