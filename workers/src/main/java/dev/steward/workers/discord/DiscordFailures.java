package dev.steward.workers.discord;

import discord4j.rest.http.client.ClientException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns Discord's answers into Temporal's retry decisions: 4xx other than 429 (missing permission, unknown
 * channel, bad request) cannot be fixed by retrying and fail at once; 429 and 5xx are retried.
 */
final class DiscordFailures {
    static final String CLIENT_ERROR = "DiscordClientError";
    /** Discord's JSON error codes for a target that does not exist (any more). */
    static final int UNKNOWN_MEMBER = 10007;
    static final int UNKNOWN_MESSAGE = 10008;

    private DiscordFailures() {
    }

    /** Whether Discord answered 404 with this error code, such as {@link #UNKNOWN_MESSAGE}. */
    static boolean isNotFound(Throwable error, int code) {
        return error instanceof ClientException client && client.getStatus().code() == 404
                && client.getErrorResponse().map(r -> r.getFields().get("code"))
                .filter(c -> c instanceof Number n && n.intValue() == code).isPresent();
    }

    static RuntimeException translate(String action, RuntimeException error) {
        if (error instanceof ClientException client) {
            int status = client.getStatus().code();
            Object code = client.getErrorResponse().map(r -> r.getFields().get("code")).orElse(null);
            String message = "Discord " + action + " failed: HTTP " + status + (code == null ? "" : ", code " + code);
            if (status >= 400 && status < 500 && status != 429) {
                return ApplicationFailure.newNonRetryableFailure(message, CLIENT_ERROR, status, code);
            }
            return new IllegalStateException(message, error);
        }
        return error;
    }
}
