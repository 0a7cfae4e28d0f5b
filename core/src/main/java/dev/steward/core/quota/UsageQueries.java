package dev.steward.core.quota;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads usage from the ledger, the single source of truth for what was charged. */
@Repository
public class UsageQueries {
    private final JdbcClient jdbc;
    private final QuotaLedger ledger;

    UsageQueries(JdbcClient jdbc, QuotaLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public UsageReport report(long accountId, QuotaPeriods.Period period, long limit) {
        String key = period.key();
        long used = ledger.used(accountId, key);
        return new UsageReport(key, period.start(), period.endExclusive(), used, limit, Math.max(0, limit - used),
                grouped(accountId, key, "kind"),
                grouped(accountId, key, "COALESCE(discord_guild_id, '-')"),
                grouped(accountId, key, "CAST(CAST(charged_at AT TIME ZONE 'UTC' AS DATE) AS VARCHAR(10))"));
    }

    /** Periods with any usage, newest first. */
    public List<String> periods(long accountId) {
        return jdbc.sql("SELECT period FROM quota_usage WHERE account_id = ? ORDER BY period DESC")
                .param(accountId).query(String.class).list();
    }

    private Map<String, Long> grouped(long accountId, String period, String expression) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + expression + " AS k, COUNT(*) FROM quota_ledger WHERE account_id = ? AND period = ? GROUP BY "
                        + expression + " ORDER BY k")
                .params(accountId, period)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
