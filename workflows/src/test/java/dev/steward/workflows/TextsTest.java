package dev.steward.workflows;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {
    @Test
    void dropsNulAndControlCharactersButKeepsLayoutAndUnicode() {
        assertThat(Texts.clean("a\u0000b\u0007c\u001b[0m\u007fd")).isEqualTo("abc[0md");
        assertThat(Texts.clean("line\n\tindented\r\n")).isEqualTo("line\n\tindented\r\n");
        assertThat(Texts.clean("héllo 👋 مرحبا")).isEqualTo("héllo 👋 مرحبا");
        assertThat(Texts.clean(null)).isNull();
    }
}
