package dev.steward.api.auth;

import dev.steward.core.account.ApiKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The operator's key ({@code OPERATOR_API_KEY}): it creates accounts. Only its hash is kept in memory. */
@Component
public class OperatorKey {
    private final String hash;

    OperatorKey(@Value("${steward.operator-api-key:${OPERATOR_API_KEY:}}") String key) {
        this.hash = key == null || key.isBlank() ? null : ApiKeys.hash(key);
    }

    public boolean configured() {
        return hash != null;
    }

    public boolean matches(String presented) {
        return hash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                ApiKeys.hash(presented).getBytes(StandardCharsets.US_ASCII));
    }
}
