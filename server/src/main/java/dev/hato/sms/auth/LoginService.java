package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.web.Failures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    /** bcrypt reads at most this many bytes of a password; longer ones keep their PBKDF2 hash. */
    static final int BCRYPT_MAX_BYTES = 72;

    sealed interface Outcome {
        record Success(StaffUser user) implements Outcome {}

        record Rejected() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}
    }

    /** Compared against when the username is unknown, so both failures do the same work. */
    private final String dummyHash;

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final Duration failureFloor;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    LoginService(
            Users users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            SecurityProperties properties,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.failureFloor = properties.failedLoginDuration();
        this.dummyHash = passwordEncoder.encode("not-a-real-password");
    }

    Outcome login(String given, String password, String clientAddress) {
        long started = System.nanoTime();
        String username = Usernames.normalise(given);
        Optional<Duration> wait = throttle.attempt(username, clientAddress);
        if (wait.isPresent()) {
            log.warn("Login throttled for user '{}' from {}", Failures.forLog(username), clientAddress);
            return new Outcome.Throttled(wait.get());
        }
        Optional<StaffUser> found = users.findByUsername(username);
        boolean matches;
        if (found.isPresent() && found.get().hasUsablePassword()) {
            matches = passwordEncoder.matches(password, found.get().password());
        } else {
            passwordEncoder.matches(password, dummyHash);
            matches = false;
        }
        // A non-staff account's right password is answered, timed and counted as a wrong one: the answer
        // must not tell its owner (or whoever guessed it) that the password is right, and nothing a
        // success does (throttle reset, hash upgrade, last_login) may happen first.
        if (!matches || !found.get().isActive() || !found.get().mayUseTheService()) {
            log.info("Login failed for user '{}' from {}", Failures.forLog(username), clientAddress);
            audit.recordAs(
                    new AuditTrail.Named(found.map(StaffUser::id).orElse(null), username),
                    AuditAction.LOGIN_FAILED,
                    "user",
                    found.map(StaffUser::id).orElse(null),
                    null,
                    Map.of("reason", failure(found, matches)));
            padTo(started, failureFloor);
            return new Outcome.Rejected();
        }
        StaffUser user = found.get();
        throttle.succeeded(username, clientAddress);
        if (passwordEncoder.upgradeEncoding(user.password())
                && password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES) {
            String upgraded = passwordEncoder.encode(password);
            if (users.upgradePassword(user.id(), user.password(), upgraded)) {
                user = user.withPassword(upgraded);
            }
        }
        StaffUser loggedIn = user;
        transactions.executeWithoutResult(status -> {
            users.touchLastLogin(loggedIn.id());
            audit.recordAs(
                    new AuditTrail.Named(loggedIn.id(), loggedIn.username()),
                    AuditAction.LOGIN_SUCCEEDED,
                    "user",
                    loggedIn.id(),
                    null,
                    null);
        });
        return new Outcome.Success(user);
    }

    /** Why, for the audit trail only (superusers read it; the caller is told nothing but "failed"). */
    private static String failure(Optional<StaffUser> found, boolean matches) {
        if (found.isEmpty()) {
            return "unknown user";
        }
        if (!found.get().hasUsablePassword() || !matches) {
            return "wrong password";
        }
        return !found.get().isActive() ? "inactive" : "not staff";
    }

    /**
     * Every failed login takes at least the floor, whatever hash it was checked against (an unknown
     * user's dummy bcrypt, a Django PBKDF2, a bcrypt), so its duration tells an attacker nothing.
     */
    private static void padTo(long started, Duration floor) {
        long remaining = floor.toNanos() - (System.nanoTime() - started);
        if (remaining > 0) {
            try {
                Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
