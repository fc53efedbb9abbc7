package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DjangoPbkdf2PasswordEncoderTest {

    private final DjangoPbkdf2PasswordEncoder encoder = new DjangoPbkdf2PasswordEncoder();

    @Test
    void verifiesHashesMadeOutsideJava() {
        // Python: hashlib.pbkdf2_hmac('sha256', 'パスワード'.encode(), b'salt', 1000)
        String hash = "pbkdf2_sha256$1000$salt$kuOTY4nDwvjt2hiSBx+IICHtx1WrwOIKCN88IQGWhoo=";

        assertThat(encoder.matches("パスワード", hash)).isTrue();
        assertThat(encoder.matches("パスワー", hash)).isFalse();
    }

    @Test
    void rejectsMalformedHashesWithoutThrowing() {
        assertThat(encoder.matches("x", "")).isFalse();
        assertThat(encoder.matches("x", "pbkdf2_sha256$abc$salt$AAAA")).isFalse();
        assertThat(encoder.matches("x", "pbkdf2_sha1$1000$salt$AAAA")).isFalse();
        assertThat(encoder.matches("x", "pbkdf2_sha256$1000$salt$not base64!")).isFalse();
    }
}
