package dev.hato.sms.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Django's {@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}: verifies hashes migrated from
 * Django, and makes new ones for passwords too long for bcrypt. Only hashes Django itself could have
 * made are accepted (iterations in Django's range, a 32-byte hash), so a planted hash cannot make an
 * anonymous login spend unbounded CPU.
 */
final class DjangoPbkdf2PasswordEncoder implements PasswordEncoder {

    static final String ALGORITHM = "pbkdf2_sha256";
    static final int MIN_ITERATIONS = 1_000;
    /** Django 6.0 uses 1,200,000; a little headroom for its next raise. */
    static final int MAX_ITERATIONS = 1_500_000;
    /** Django 5.2's count, for the hashes this service makes. */
    static final int ITERATIONS = 1_000_000;

    private static final int HASH_BYTES = 32;
    private static final String SALT_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private final SecureRandom random = new SecureRandom();

    @Override
    public String encode(CharSequence rawPassword) {
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 22; i++) {
            salt.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        byte[] hash = pbkdf2(rawPassword, salt.toString(), ITERATIONS, HASH_BYTES * 8);
        return ALGORITHM + "$" + ITERATIONS + "$" + salt + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || !isWellFormed(encodedPassword)) {
            return false;
        }
        String[] parts = encodedPassword.split("\\$", -1);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(rawPassword, parts[2], Integer.parseInt(parts[1]), HASH_BYTES * 8);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether Django could have made this hash: algorithm, iterations in range, a salt, a 32-byte hash. */
    static boolean isWellFormed(String encoded) {
        if (encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(ALGORITHM) || parts[2].isEmpty() || parts[2].length() > 128) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            return iterations >= MIN_ITERATIONS
                    && iterations <= MAX_ITERATIONS
                    && Base64.getDecoder().decode(parts[3]).length == HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] pbkdf2(CharSequence password, String salt, int iterations, int bits) {
        char[] chars = password.toString().toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(chars, salt.getBytes(StandardCharsets.UTF_8), iterations, bits);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return true;
    }
}
