package dev.steward.core.account;

/** What an account's key may do: admins manage settings, agents watch and take over conversations. */
public enum ApiKeyRole {
    ADMIN, AGENT
}
