package dev.steward.core.secret;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    final SecretBox box = new SecretBox("a long random operator secret");

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        String a = box.encrypt("MTIz.token");
        String b = box.encrypt("MTIz.token");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("MTIz");
        assertThat(box.decrypt(a)).isEqualTo("MTIz.token");
    }

    @Test
    void aTamperedValueOrAnotherKeyCannotOpenIt() {
        String sealed = box.encrypt("MTIz.token");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox("another key").decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyNothingIsStored() {
        SecretBox none = new SecretBox("");
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(() -> none.encrypt("x")).hasMessageContaining("APP_ENCRYPTION_KEY");
    }
}
