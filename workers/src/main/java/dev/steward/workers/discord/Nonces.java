package dev.steward.workers.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Discord nonces for bot posts. Discord allows 25 characters, a workflow id is longer, so the nonce is a
 * hash of the send's stable seed (workflow id and step) and the part number: the same send retried gives
 * the same nonce, and with enforce_nonce Discord returns the first post instead of posting again.
 */
public final class Nonces {
    public static final int MAX_LENGTH = 25;

    private Nonces() {
    }

    public static String of(String seed, int part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "#" + part).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
