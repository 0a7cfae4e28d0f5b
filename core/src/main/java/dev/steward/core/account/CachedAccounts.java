package dev.steward.core.account;

import dev.steward.core.cache.CachedRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** Accounts as the quota reads them for every charge: the plan and the billing anchor. */
@Component
public class CachedAccounts extends CachedRows<Long, Account> {
    private final AccountRepository accounts;

    CachedAccounts(AccountRepository accounts, @Value("${steward.cache.settings-ttl}") Duration ttl) {
        super(ttl, false, Account.class);
        this.accounts = accounts;
    }

    public Optional<Account> byId(long id) {
        return read(id, accounts::findById);
    }
}
