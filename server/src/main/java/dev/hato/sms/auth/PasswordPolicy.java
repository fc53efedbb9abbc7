package dev.hato.sms.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}
 * (the longest a login accepts), and not guessable: zxcvbn's offline estimate (common passwords, names,
 * words, keyboard patterns, dates, and the user's own name and e-mail) must reach score
 * {@value #MIN_SCORE} of 4, about 10^8 guesses. Stored hashes (Django's, loaddata) are not checked:
 * their passwords are not known.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** What login accepts (LoginRequest): a longer password could be set and then never used. */
    public static final int MAX_LENGTH = 1024;

    static final int MIN_SCORE = 3;

    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    private PasswordPolicy() {}

    /** Why this password may not be set, or empty when it may; {@code userInputs}: the username, e-mail, names. */
    public static Optional<String> refusal(String password, List<String> userInputs) {
        int length = password.codePointCount(0, password.length());
        if (password.isBlank() || length < MIN_LENGTH) {
            return Optional.of("the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) { // as LoginRequest's @Size counts
            return Optional.of(
                    "the password must have at most " + MAX_LENGTH + " characters (the longest a login accepts)");
        }
        Strength strength = ESTIMATOR.measure(password, userInputs);
        if (strength.getScore() < MIN_SCORE) {
            String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
            return Optional.of("the password is too easy to guess"
                    + (warning == null || warning.isBlank() ? "" : " (" + warning + ")")
                    + "; use a few words that do not belong together, or a password manager");
        }
        return Optional.empty();
    }
}
