package dev.hato.sms.auth;

import java.util.Base64;

/**
 * Django hashes made the way Django 1.x made them, at 20,000 iterations: in the range this service
 * accepts, and quick to check. At today's 1,000,000 each check takes seconds on a shared core, which
 * the tests that only need "a Django hash" should not pay.
 */
final class DjangoHashes {

    static final int ITERATIONS = 20_000;

    private DjangoHashes() {}

    static String of(String password) {
        String salt = "testsalt" + Long.toUnsignedString(System.nanoTime(), 36);
        return DjangoPbkdf2PasswordEncoder.ALGORITHM + "$" + ITERATIONS + "$" + salt + "$"
                + Base64.getEncoder()
                        .encodeToString(DjangoPbkdf2PasswordEncoder.pbkdf2(password, salt, ITERATIONS, 256));
    }
}
