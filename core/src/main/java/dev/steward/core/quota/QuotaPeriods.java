package dev.steward.core.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Quota periods: months in UTC that start on the account's billing anchor day (clamped to short months, so
 * an anchor on the 31st starts February's period on the 28th or 29th). A period is named by its first day.
 * Usage resets by itself: a charge in a new period simply lands on a new key.
 */
public final class QuotaPeriods {
    private QuotaPeriods() {
    }

    public record Period(LocalDate start, LocalDate endExclusive) {
        public String key() {
            return start.toString();
        }
    }

    public static Period periodOf(Instant at, LocalDate anchor) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        int anchorDay = anchor.getDayOfMonth();
        YearMonth month = YearMonth.from(day);
        LocalDate start = onAnchorDay(month, anchorDay);
        if (start.isAfter(day)) {
            month = month.minusMonths(1);
            start = onAnchorDay(month, anchorDay);
        }
        return new Period(start, onAnchorDay(month.plusMonths(1), anchorDay));
    }

    private static LocalDate onAnchorDay(YearMonth month, int anchorDay) {
        return month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
    }
}
