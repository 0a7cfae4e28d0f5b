package dev.steward.api.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The id of an agent's reply, which keys its Discord nonce, its transcript row and its workflow update. With the
 * client's {@code Idempotency-Key} it is the same for every retry of one reply (and differs between accounts and
 * conversations using the same key); without one, every request is a new reply.
 */
final class ReplyIds {
    static final int MAX_KEY_CHARS = 200;

    private ReplyIds() {
    }

    static String of(long account, long conversation, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.length() > MAX_KEY_CHARS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be at most " + MAX_KEY_CHARS + " characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((account + ":" + conversation + ":"
                    + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
