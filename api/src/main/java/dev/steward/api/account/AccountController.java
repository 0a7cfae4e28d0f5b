package dev.steward.api.account;

import dev.steward.api.auth.Caller;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.ApiKeyRole;
import dev.steward.core.account.Plan;
import dev.steward.core.audit.AuditLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;

/** Accounts and their API keys. The operator creates accounts; admins create further keys. */
@RestController
class AccountController {
    private final AccountRepository accounts;
    private final AccountKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    AccountController(AccountRepository accounts, AccountKeys keys, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    record CreateAccount(@NotBlank @Size(max = 200) String name, @NotNull Plan plan,
                         @Size(max = 2000) String notificationEmails) {
    }

    record CreatedAccount(Account account, AccountKeys.IssuedKey adminKey) {
    }

    record ChangePlan(@NotNull Plan plan) {
    }

    record CreateKey(@NotNull ApiKeyRole role, @NotBlank @Size(max = 100) String name) {
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedAccount create(Caller caller, @Valid @RequestBody CreateAccount body) {
        caller.requireOperator();
        Account account = accounts.save(Account.create(body.name(), body.plan(),
                body.notificationEmails() == null ? "" : body.notificationEmails(), clock.instant()));
        return new CreatedAccount(account, keys.issue(account.id(), ApiKeyRole.ADMIN, "initial admin key"));
    }

    /** The account of the calling key. */
    @GetMapping("/api/account")
    Account current(Caller caller) {
        return get(caller, caller.account());
    }

    @GetMapping("/api/accounts/{id}")
    Account get(Caller caller, @PathVariable long id) {
        if (!caller.isOperator() && caller.account() != id) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account");
        }
        return accounts.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such account"));
    }

    @PutMapping("/api/accounts/{id}/plan")
    Account changePlan(Caller caller, @PathVariable long id, @Valid @RequestBody ChangePlan body) {
        caller.requireOperator();
        Account account = accounts.save(get(caller, id).withPlan(body.plan()));
        audit.record(id, caller.actor(), "account.plan.changed", Long.toString(id), body.plan().name());
        return account;
    }

    @PostMapping("/api/accounts/{id}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    AccountKeys.IssuedKey createKey(Caller caller, @PathVariable long id, @Valid @RequestBody CreateKey body) {
        caller.requireOperatorOrAdminOf(id);
        get(Caller.operator(), id);
        return keys.issue(id, body.role(), body.name());
    }
}
