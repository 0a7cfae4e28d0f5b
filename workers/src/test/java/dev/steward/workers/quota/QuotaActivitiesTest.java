package dev.steward.workers.quota;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.steward.core.CoreConfiguration;
import dev.steward.workers.mail.AccountMail;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.quota.QuotaLedger;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.quota.UnavailableNoticeRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The quota activities on PostgreSQL, with notices received by a real SMTP server (GreenMail). */
@SpringBootTest(classes = QuotaActivitiesTest.QuotaOnly.class, properties = "steward.plans.limits.STARTER=10")
class QuotaActivitiesTest {
    static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final long NOW = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({CoreConfiguration.class, QuotaActivitiesImpl.class, QuotaThresholds.class, QuotaNoticeSender.class,
            AccountMail.class})
    @PropertySource("classpath:steward-workers.properties")
    static class QuotaOnly {
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        smtp.stop();
    }

    @Autowired QuotaActivitiesImpl quota;
    @Autowired AccountRepository accounts;
    @Autowired QuotaLedger ledger;
    @Autowired JdbcClient jdbc;

    Account account(String emails) {
        return accounts.save(Account.create("Team", Plan.STARTER, emails, Instant.parse("2026-11-01T08:00:00Z")));
    }

    @Test
    void noticesAt80And100PercentAreEmailedOncePerThresholdEvenUnderConcurrentCharges() throws Exception {
        String to = "ops" + System.nanoTime() + "@acme.test";
        Account account = account(to + ", lead@acme.test");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ChargeResult>> results = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ChargeRequest charge = new ChargeRequest(account.id(), "g", "m" + i, ChargeKind.ANSWER, NOW);
            results.add(pool.submit(() -> quota.charge(charge)));
        }
        long charged = 0;
        for (Future<ChargeResult> r : results) {
            charged += r.get().status() == ChargeResult.Status.CHARGED ? 1 : 0;
        }
        pool.shutdown();

        assertThat(charged).isEqualTo(10);
        List<String> subjects = subjectsTo(to);
        assertThat(subjects).containsExactlyInAnyOrder("Steward: 80% of your monthly messages used",
                "Steward: 100% of your monthly messages used");
        quota.charge(new ChargeRequest(account.id(), "g", "later", ChargeKind.ANSWER, NOW));
        assertThat(subjectsTo(to)).hasSize(2);
    }

    @Test
    void accountWithoutAddressesGetsTheNoticeStoredAndLogged() {
        Account account = account("");
        int emailsBefore = smtp.getReceivedMessages().length;
        for (int i = 0; i < 8; i++) {
            quota.charge(new ChargeRequest(account.id(), "g", "m" + i, ChargeKind.ANSWER, NOW));
        }
        assertThat(jdbc.sql("SELECT threshold, status FROM quota_notice WHERE account_id = ?").param(account.id())
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2)).list()).containsExactly("80:LOGGED");
        assertThat(smtp.getReceivedMessages()).hasSize(emailsBefore);
    }

    @Test
    void workflowWhoseChargeIsRetriedAfterACrashChargesOnce() {
        Account account = account("");
        MessageOutcome outcome = ChargeRetryWorkflowRun.run(account.id(), quota);

        assertThat(outcome.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        // The workflow charges at the test environment's time, which is now.
        String period = QuotaPeriods.periodOf(Instant.now(), account.billingAnchor()).key();
        assertThat(ledger.used(account.id(), period)).isEqualTo(1);
    }

    @Test
    void oneUnavailableNoticePerChannelPerDay() {
        long day = NOW;
        long nextDay = NOW + 24 * 3600 * 1000L;
        assertThat(quota.claimUnavailableNotice(new UnavailableNoticeRequest("g9", "c1", "m1", day))).isTrue();
        assertThat(quota.claimUnavailableNotice(new UnavailableNoticeRequest("g9", "c1", "m1", day))).isTrue();
        assertThat(quota.claimUnavailableNotice(new UnavailableNoticeRequest("g9", "c1", "m2", day))).isFalse();
        assertThat(quota.claimUnavailableNotice(new UnavailableNoticeRequest("g9", "c2", "m3", day))).isTrue();
        assertThat(quota.claimUnavailableNotice(new UnavailableNoticeRequest("g9", "c1", "m4", nextDay))).isTrue();
    }

    /** Subjects of the emails sent to an address (GreenMail keeps one copy per recipient: count each email once). */
    List<String> subjectsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(address))
                .collect(java.util.stream.Collectors.toMap(QuotaActivitiesTest::messageId, QuotaActivitiesTest::subject,
                        (a, b) -> a))
                .values().stream().toList();
    }

    static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipients(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
