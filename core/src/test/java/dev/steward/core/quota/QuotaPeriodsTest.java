package dev.steward.core.quota;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaPeriodsTest {
    @ParameterizedTest(name = "anchor {0}, at {1} -> [{2}, {3})")
    @CsvSource({
            "2026-01-01, 2026-11-23T10:00:00Z, 2026-11-01, 2026-12-01",
            "2026-01-01, 2026-11-30T23:59:59Z, 2026-11-01, 2026-12-01",
            "2026-01-01, 2026-12-01T00:00:00Z, 2026-12-01, 2027-01-01",
            "2026-03-15, 2026-11-14T23:59:59Z, 2026-10-15, 2026-11-15",
            "2026-03-15, 2026-11-15T00:00:00Z, 2026-11-15, 2026-12-15",
            "2026-01-31, 2027-02-28T12:00:00Z, 2027-02-28, 2027-03-31",
            "2026-01-31, 2028-02-29T12:00:00Z, 2028-02-29, 2028-03-31",
            "2026-01-31, 2027-03-30T12:00:00Z, 2027-02-28, 2027-03-31",
            "2026-01-31, 2026-12-31T00:00:00Z, 2026-12-31, 2027-01-31",
    })
    void periodsRunMonthlyFromTheAnchorDayInUtc(String anchor, String at, String start, String end) {
        QuotaPeriods.Period period = QuotaPeriods.periodOf(Instant.parse(at), LocalDate.parse(anchor));
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.endExclusive()).isEqualTo(end);
        assertThat(period.key()).isEqualTo(start);
    }
}
