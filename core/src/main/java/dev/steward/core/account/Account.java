package dev.steward.core.account;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

@Table
public record Account(@Id Long id, String name, Plan plan, String notificationEmails, Instant createdAt,
                      LocalDate billingAnchor) {

    /** A new account whose quota periods start on the day it was created. */
    public static Account create(String name, Plan plan, String notificationEmails, Instant now) {
        return new Account(null, name, plan, notificationEmails, now, now.atZone(ZoneOffset.UTC).toLocalDate());
    }

    public Account withPlan(Plan newPlan) {
        return new Account(id, name, newPlan, notificationEmails, createdAt, billingAnchor);
    }

    public List<String> notificationAddresses() {
        return Arrays.stream(notificationEmails.split("[,;\\s]+")).filter(a -> !a.isBlank()).toList();
    }
}
