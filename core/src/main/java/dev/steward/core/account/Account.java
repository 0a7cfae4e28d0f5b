package dev.steward.core.account;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table
public record Account(@Id Long id, String name, Plan plan, String notificationEmails, Instant createdAt) {

    public static Account create(String name, Plan plan, String notificationEmails, Instant now) {
        return new Account(null, name, plan, notificationEmails, now);
    }
}
