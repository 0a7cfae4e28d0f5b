package dev.steward.api.interactions;

import dev.steward.testing.discord.InteractionSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionSignaturesTest {
    final InteractionSigner discord = new InteractionSigner();
    final String body = "{\"type\":1}";
    final Instant now = Instant.now();
    final String timestamp = Long.toString(now.getEpochSecond());

    boolean check(String key, String signature, String time, String payload) {
        return InteractionSignatures.valid(key, signature, time,
                payload == null ? null : payload.getBytes(StandardCharsets.UTF_8), now);
    }

    @Test
    void validSignatureIsAccepted() {
        assertThat(check(discord.publicKeyHex(), discord.sign(timestamp, body), timestamp, body)).isTrue();
    }

    @Test
    void tamperedBodyIsRefused() {
        assertThat(check(discord.publicKeyHex(), discord.sign(timestamp, body), timestamp, "{\"type\":2}")).isFalse();
    }

    @Test
    void wrongKeyIsRefused() {
        assertThat(check(new InteractionSigner().publicKeyHex(), discord.sign(timestamp, body), timestamp, body)).isFalse();
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThat(check(discord.publicKeyHex(), null, timestamp, body)).isFalse();
        assertThat(check(discord.publicKeyHex(), discord.sign(timestamp, body), null, body)).isFalse();
        assertThat(check(discord.publicKeyHex(), "not-hex", timestamp, body)).isFalse();
        assertThat(check(discord.publicKeyHex(), discord.sign(timestamp, body), "yesterday", body)).isFalse();
        assertThat(check(null, discord.sign(timestamp, body), timestamp, body)).as("no key configured").isFalse();
    }

    @Test
    void staleTimestampIsRefusedEvenWhenSigned() {
        String old = Long.toString(now.minusSeconds(600).getEpochSecond());
        assertThat(check(discord.publicKeyHex(), discord.sign(old, body), old, body)).isFalse();
    }
}
