package dev.hato.sms.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * New passwords are hashed with bcrypt, except those longer than bcrypt's 72 bytes (25 kana), which get
 * Django's PBKDF2 so every byte counts. Verifies bcrypt ({@code {bcrypt}...}) and Django hashes alike.
 */
final class HatoPasswordEncoder implements PasswordEncoder {

    private final DjangoPbkdf2PasswordEncoder django = new DjangoPbkdf2PasswordEncoder();
    private final DelegatingPasswordEncoder verifier;

    HatoPasswordEncoder(int bcryptStrength) {
        verifier = new DelegatingPasswordEncoder(
                "bcrypt",
                Map.of(
                        "bcrypt",
                        new BCryptPasswordEncoder(bcryptStrength),
                        DjangoPbkdf2PasswordEncoder.ALGORITHM,
                        django));
        // Django stores its hashes without Spring's "{id}" prefix.
        verifier.setDefaultPasswordEncoderForMatches(django);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > LoginService.BCRYPT_MAX_BYTES) {
            return django.encode(rawPassword);
        }
        return verifier.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        try {
            return verifier.matches(rawPassword, encodedPassword);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encodedPassword == null || !encodedPassword.startsWith("{bcrypt}");
    }

    /** Whether a stored hash is one this encoder can verify (for fixtures): bcrypt or a Django PBKDF2. */
    static boolean isUsableHash(String encoded) {
        return DjangoPbkdf2PasswordEncoder.isWellFormed(encoded)
                || (encoded.startsWith("{bcrypt}$2") && encoded.length() == 68);
    }
}
