package dev.steward.core.quota;

import java.time.LocalDate;
import java.util.Map;

/** One period's usage: totals and where the messages went. */
public record UsageReport(String period, LocalDate start, LocalDate endExclusive, long used, long limit, long remaining,
                          Map<String, Long> byKind, Map<String, Long> byGuild, Map<String, Long> byDay) {
}
