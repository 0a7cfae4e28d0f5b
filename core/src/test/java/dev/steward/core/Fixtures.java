package dev.steward.core;

import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;

import java.time.Instant;

public final class Fixtures {
    private Fixtures() {
    }

    public static long newAccount(AccountRepository accounts, Plan plan) {
        return accounts.save(Account.create("Team " + System.nanoTime(), plan, "", Instant.now())).id();
    }
}
