package dev.steward.api.auth;

import dev.steward.core.account.ApiKeyRole;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Who is calling: the operator, or an admin or agent key of one account. */
public record Caller(Long accountId, ApiKeyRole role, String actor) {

    public static Caller operator() {
        return new Caller(null, null, "operator");
    }

    public boolean isOperator() {
        return accountId == null;
    }

    /** The account an account-scoped endpoint works on; the operator key has none. */
    public long account() {
        if (isOperator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This endpoint needs an account key, not the operator key");
        }
        return accountId;
    }

    public long adminAccount() {
        long account = account();
        if (role != ApiKeyRole.ADMIN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This endpoint needs an admin key");
        }
        return account;
    }

    public void requireOperator() {
        if (!isOperator()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This endpoint needs the operator key");
        }
    }

    /** The operator, or an admin of that very account; others see nothing (404, not 403). */
    public void requireOperatorOrAdminOf(long account) {
        if (isOperator()) {
            return;
        }
        if (accountId != account) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account");
        }
        adminAccount();
    }
}
