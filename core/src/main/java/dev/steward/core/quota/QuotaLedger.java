package dev.steward.core.quota;

import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The monthly message ledger. A charge is one transaction: claim the ledger row for the key (unique, so a
 * retry or a concurrent duplicate finds it), then a conditional increment that never passes the limit; a
 * refused increment rolls the ledger row back with it.
 */
@Repository
public class QuotaLedger {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    QuotaLedger(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public ChargeResult charge(ChargeRequest request, long limit, LocalDate anchor) {
        Instant at = Instant.ofEpochMilli(request.atMillis());
        String period = QuotaPeriods.periodOf(at, anchor).key();
        return transactions.execute(tx -> {
            jdbc.sql("INSERT INTO quota_usage (account_id, period, used) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                    .params(request.accountId(), period).update();
            int claimed = jdbc.sql("""
                            INSERT INTO quota_ledger (account_id, period, message_key, kind, discord_guild_id, charged_at)
                            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(request.accountId(), period, request.messageKey(), request.kind().name(),
                            request.guildId(), Timestamp.from(at))
                    .update();
            if (claimed == 0) {
                return new ChargeResult(ChargeResult.Status.ALREADY_CHARGED, used(request.accountId(), period), limit);
            }
            int incremented = jdbc.sql("UPDATE quota_usage SET used = used + 1 WHERE account_id = ? AND period = ? AND used < ?")
                    .params(request.accountId(), period, limit).update();
            if (incremented == 0) {
                tx.setRollbackOnly();
                return new ChargeResult(ChargeResult.Status.REFUSED, limit, limit);
            }
            return new ChargeResult(ChargeResult.Status.CHARGED, used(request.accountId(), period), limit);
        });
    }

    /** Removes a charge and its unit; a second call finds no row and changes nothing. */
    public void refund(ChargeRequest request, LocalDate anchor) {
        String period = QuotaPeriods.periodOf(Instant.ofEpochMilli(request.atMillis()), anchor).key();
        transactions.executeWithoutResult(tx -> {
            int removed = jdbc.sql("DELETE FROM quota_ledger WHERE account_id = ? AND period = ? AND message_key = ? AND kind = ?")
                    .params(request.accountId(), period, request.messageKey(), request.kind().name()).update();
            if (removed > 0) {
                jdbc.sql("UPDATE quota_usage SET used = used - 1 WHERE account_id = ? AND period = ?")
                        .params(request.accountId(), period).update();
            }
        });
    }

    public long used(long accountId, String period) {
        return jdbc.sql("SELECT used FROM quota_usage WHERE account_id = ? AND period = ?")
                .params(accountId, period).query(Long.class).optional().orElse(0L);
    }
}
