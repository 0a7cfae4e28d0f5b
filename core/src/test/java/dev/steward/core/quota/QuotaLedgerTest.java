package dev.steward.core.quota;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CoreTestApplication.class)
class QuotaLedgerTest extends CoreTestApplication.OnPostgres {
    static final long NOV = Instant.parse("2026-11-23T10:00:00Z").toEpochMilli();
    /** Calendar months. */
    static final LocalDate ANCHOR = LocalDate.parse("2026-01-01");

    @Autowired QuotaLedger ledger;
    @Autowired AccountRepository accounts;
    long account;

    @BeforeEach
    void account() {
        account = Fixtures.newAccount(accounts, Plan.STARTER);
    }

    ChargeRequest charge(String key, long at) {
        return new ChargeRequest(account, "g1", key, ChargeKind.ANSWER, at);
    }

    @Test
    void concurrentChargesNeverPassTheLimit() throws Exception {
        List<ChargeResult> results = concurrently(200, i -> () -> ledger.charge(charge("m" + i, NOV), 100, ANCHOR));

        assertThat(results).filteredOn(r -> r.status() == ChargeResult.Status.CHARGED).hasSize(100);
        assertThat(results).filteredOn(ChargeResult::refused).hasSize(100);
        assertThat(ledger.used(account, "2026-11-01")).isEqualTo(100);
    }

    @Test
    void sameKeyChargedConcurrentlyChargesOnce() throws Exception {
        List<ChargeResult> results = concurrently(50, i -> () -> ledger.charge(charge("same", NOV), 100, ANCHOR));

        assertThat(results).filteredOn(r -> r.status() == ChargeResult.Status.CHARGED).hasSize(1);
        assertThat(results).filteredOn(r -> r.status() == ChargeResult.Status.ALREADY_CHARGED).hasSize(49);
        assertThat(ledger.used(account, "2026-11-01")).isEqualTo(1);
    }

    @Test
    void sameKeyDifferentKindIsAnotherCharge() {
        ledger.charge(charge("m", NOV), 10, ANCHOR);
        ledger.charge(new ChargeRequest(account, "g1", "m", ChargeKind.MODERATION, NOV), 10, ANCHOR);
        assertThat(ledger.used(account, "2026-11-01")).isEqualTo(2);
    }

    @Test
    void newMonthStartsFromZeroWithoutAnyJob() {
        ledger.charge(charge("a", NOV), 1, ANCHOR);
        assertThat(ledger.charge(charge("b", NOV), 1, ANCHOR).refused()).isTrue();

        long december = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        assertThat(ledger.charge(charge("b", december), 1, ANCHOR).status()).isEqualTo(ChargeResult.Status.CHARGED);
        assertThat(ledger.used(account, "2026-12-01")).isEqualTo(1);
    }

    @Test
    void refundGivesTheUnitBackOnceEvenWhenRepeated() {
        ledger.charge(charge("a", NOV), 10, ANCHOR);
        ledger.charge(charge("b", NOV), 10, ANCHOR);
        ledger.refund(charge("a", NOV), ANCHOR);
        ledger.refund(charge("a", NOV), ANCHOR);
        assertThat(ledger.used(account, "2026-11-01")).isEqualTo(1);
    }

    @Test
    void refusedChargeLeavesNoLedgerRowBehind() {
        assertThat(ledger.charge(charge("a", NOV), 0, ANCHOR).refused()).isTrue();
        assertThat(ledger.charge(charge("a", NOV), 1, ANCHOR).status()).isEqualTo(ChargeResult.Status.CHARGED);
    }

    static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
