package dev.steward.api.interactions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Discord's interaction signatures: Ed25519 over timestamp + raw body, with the application's public key.
 * The JDK verifies Ed25519 once the raw 32-byte key gets its X.509 header. Timestamps far from now are
 * refused, so a captured request cannot be replayed later.
 */
public final class InteractionSignatures {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final byte[] X509_ED25519_HEADER = HexFormat.of().parseHex("302a300506032b6570032100");

    private InteractionSignatures() {
    }

    public static boolean valid(String publicKeyHex, String signatureHex, String timestamp, byte[] body, Instant now) {
        if (publicKeyHex == null || signatureHex == null || timestamp == null || body == null) {
            return false;
        }
        try {
            long seconds = Long.parseLong(timestamp.strip());
            if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(MAX_SKEW) > 0) {
                return false;
            }
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(publicKeyHex));
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(body);
            return verifier.verify(HexFormat.of().parseHex(signatureHex.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static PublicKey publicKey(String hex) throws GeneralSecurityException {
        byte[] raw = HexFormat.of().parseHex(hex.strip());
        if (raw.length != 32) {
            throw new GeneralSecurityException("An Ed25519 public key has 32 bytes");
        }
        byte[] encoded = new byte[X509_ED25519_HEADER.length + raw.length];
        System.arraycopy(X509_ED25519_HEADER, 0, encoded, 0, X509_ED25519_HEADER.length);
        System.arraycopy(raw, 0, encoded, X509_ED25519_HEADER.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
