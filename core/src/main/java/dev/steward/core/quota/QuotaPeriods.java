package dev.steward.core.quota;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** Quota periods are calendar months in UTC, named like {@code 2026-11}. */
public final class QuotaPeriods {
    private QuotaPeriods() {
    }

    public static String periodOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC)).toString();
    }
}
