package dev.hato.sms.auth;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One form of a username everywhere (login, the login throttle, createuser, changepassword, loaddata), so
 * one user has one key: Unicode NFKC, as Django's {@code normalize_username} and its login form do.
 */
public final class Usernames {

    private Usernames() {}

    /** The stored and looked-up form. */
    public static String normalise(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC);
    }

    /**
     * The login throttle's key for a username: the SHA-256 of its normalised, lower-cased form, 64 hex
     * characters whatever the input. Lower-casing can make a name longer (150 × "İ" is 300 characters),
     * and the throttle's key must fit its column so that every attempt is counted.
     */
    static String throttleKey(String username) {
        return HexFormat.of().formatHex(Sha256.of(normalise(username).toLowerCase(Locale.ROOT)));
    }
}
