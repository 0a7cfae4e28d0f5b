package dev.steward.core.quota;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The once-per-period admin notices (80%, 100%). A notice is claimed before it is sent: only the claimer
 * sends, so concurrent charges on several workers send one email; a claim whose sender died is taken over
 * once its lease has expired.
 */
@Repository
public class QuotaNotices {
    public enum Outcome { SENT, LOGGED }

    private final JdbcClient jdbc;

    QuotaNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the caller now owns the notice and must deliver it. */
    public boolean claim(long accountId, String period, int threshold, Instant now, Duration lease) {
        jdbc.sql("INSERT INTO quota_notice (account_id, period, threshold, status) VALUES (?, ?, ?, 'PENDING') ON CONFLICT DO NOTHING")
                .params(accountId, period, threshold).update();
        return jdbc.sql("""
                        UPDATE quota_notice SET status = 'SENDING', claimed_at = ?
                        WHERE account_id = ? AND period = ? AND threshold = ?
                          AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < ?))""")
                .params(Timestamp.from(now), accountId, period, threshold, Timestamp.from(now.minus(lease)))
                .update() == 1;
    }

    public void complete(long accountId, String period, int threshold, Outcome outcome, String detail, Instant now) {
        jdbc.sql("UPDATE quota_notice SET status = ?, done_at = ?, detail = ? WHERE account_id = ? AND period = ? AND threshold = ?")
                .params(outcome.name(), Timestamp.from(now), detail, accountId, period, threshold).update();
    }
}
