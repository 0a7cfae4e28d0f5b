package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.quota.QuotaNotices;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.workers.mail.AccountMail;
import org.springframework.stereotype.Component;

/** Emails a quota notice to the account's notification addresses, or logs it when there is no SMTP. */
@Component
class QuotaNoticeSender {
    private final AccountMail mail;

    QuotaNoticeSender(AccountMail mail) {
        this.mail = mail;
    }

    QuotaNotices.Outcome send(Account account, QuotaPeriods.Period period, int percent, long used, long limit) {
        String subject = "Steward: " + percent + "% of your monthly messages used";
        String body = """
                Your account "%s" has used %d of its %d messages (%s plan) in the period %s to %s.
                %s
                """.formatted(account.name(), used, limit, account.plan(), period.start(), period.endExclusive().minusDays(1),
                percent >= 100 ? "The assistant stops answering until the next period or a plan upgrade; fast moderation filters keep working."
                        : "The assistant stops answering when the quota is spent.");
        return mail.send(account, subject, body) ? QuotaNotices.Outcome.SENT : QuotaNotices.Outcome.LOGGED;
    }
}
