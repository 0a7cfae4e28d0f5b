package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.quota.QuotaNotices;
import dev.steward.core.quota.QuotaPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Emails a quota notice to the account's notification addresses, or logs it when there is no SMTP. */
@Component
class QuotaNoticeSender {
    private static final Logger log = LoggerFactory.getLogger(QuotaNoticeSender.class);
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    QuotaNoticeSender(ObjectProvider<JavaMailSender> mail, @Value("${steward.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    QuotaNotices.Outcome send(Account account, QuotaPeriods.Period period, int percent, long used, long limit) {
        String subject = "Steward: " + percent + "% of your monthly messages used";
        String body = """
                Your account "%s" has used %d of its %d messages (%s plan) in the period %s to %s.
                %s
                """.formatted(account.name(), used, limit, account.plan(), period.start(), period.endExclusive().minusDays(1),
                percent >= 100 ? "The assistant stops answering until the next period or a plan upgrade; fast moderation filters keep working."
                        : "The assistant stops answering when the quota is spent.");
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || account.notificationAddresses().isEmpty()) {
            log.warn("Quota notice for account {} (no SMTP or no notification address): {}", account.id(), subject);
            return QuotaNotices.Outcome.LOGGED;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(account.notificationAddresses().toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
        return QuotaNotices.Outcome.SENT;
    }
}
