package dev.steward.workers.mail;

import dev.steward.core.account.Account;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Mails an account's notification addresses, or logs the subject when there is no SMTP or no address. */
@Component
public class AccountMail {
    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    AccountMail(ObjectProvider<JavaMailSender> mail, @Value("${steward.mail.from}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** @return true when mailed, false when only logged */
    public boolean send(Account account, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || account.notificationAddresses().isEmpty()) {
            log.warn("Notice for account {} (no SMTP or no notification address): {}", account.id(), subject);
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(account.notificationAddresses().toArray(String[]::new));
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
        return true;
    }
}
