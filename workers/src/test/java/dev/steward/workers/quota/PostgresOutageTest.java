package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.quota.QuotaLedger;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.net.TcpProxy;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.quota.QuotaActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL unreachable for a while (a TCP proxy in front of it is cut): the workflow's database activities
 * fail and are retried, and once the database is back the message is answered and charged once.
 */
@SpringBootTest(classes = QuotaActivitiesTest.QuotaOnly.class)
class PostgresOutageTest {
    static final URI DATABASE = URI.create(TestDatabase.BASE_URL.substring("jdbc:".length()));
    static final TcpProxy proxy = TcpProxy.to(DATABASE.getHost(), DATABASE.getPort());

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        registry.add("spring.datasource.url", () -> TestDatabase.url()
                .replace(DATABASE.getHost() + ":" + DATABASE.getPort(), "127.0.0.1:" + proxy.port()));
        // Fail fast while the database is away: the activity retries, not the pool.
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Autowired QuotaActivities quota;
    @Autowired AccountRepository accounts;
    @Autowired QuotaLedger ledger;

    @Test
    void activitiesRetryThroughAnOutageAndNothingIsLostOrDoubled() {
        Account account = accounts.save(Account.create("Outage", Plan.STARTER, "", Instant.now()));
        AtomicInteger failures = new AtomicInteger();
        QuotaActivities flaky = (QuotaActivities) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{QuotaActivities.class}, (self, method, args) -> {
                    try {
                        return method.invoke(quota, args);
                    } catch (InvocationTargetException failed) {
                        if (failures.incrementAndGet() >= 3) {
                            proxy.restore(); // the database comes back after three failed attempts
                        }
                        throw failed.getCause();
                    }
                });

        proxy.cut();
        MessageOutcome outcome = ChargeRetryWorkflowRun.run(account.id(), flaky, "outage");

        assertThat(failures.get()).as("attempts failed while the database was away").isGreaterThanOrEqualTo(3);
        assertThat(outcome.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        String period = QuotaPeriods.periodOf(Instant.now(), account.billingAnchor()).key();
        assertThat(ledger.used(account.id(), period)).as("charged once").isEqualTo(1);
    }
}
