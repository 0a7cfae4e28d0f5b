package dev.steward.api.account;

import dev.steward.core.account.ApiKey;
import dev.steward.core.account.ApiKeyRepository;
import dev.steward.core.account.ApiKeyRole;
import dev.steward.core.account.ApiKeys;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Issues keys: the plain key is returned once, only its hash is stored. */
@Component
class AccountKeys {
    private final ApiKeyRepository keys;
    private final Clock clock;

    AccountKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    record IssuedKey(long id, ApiKeyRole role, String name, String key) {
    }

    IssuedKey issue(long accountId, ApiKeyRole role, String name) {
        String key = ApiKeys.generate();
        ApiKey saved = keys.save(new ApiKey(null, accountId, role, name, ApiKeys.hash(key), ApiKeys.displayPrefix(key),
                clock.instant(), null));
        return new IssuedKey(saved.id(), role, name, key);
    }
}
