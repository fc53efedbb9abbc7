package dev.hato.sms.auth;

import dev.hato.sms.web.Failures;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    sealed interface Outcome {
        record Success(StaffUser user) implements Outcome {}

        record Rejected() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}
    }

    /** Compared against when the username is unknown, so both failures take the same time. */
    private final String dummyHash;

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;

    LoginService(Users users, PasswordEncoder passwordEncoder, LoginThrottle throttle) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.dummyHash = passwordEncoder.encode("not-a-real-password");
    }

    Outcome login(String username, String password, String clientAddress) {
        Optional<Duration> wait = throttle.retryAfter(username, clientAddress);
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
        if (!matches || !found.get().isActive()) {
            log.info("Login failed for user '{}' from {}", Failures.forLog(username), clientAddress);
            throttle.recordFailure(username, clientAddress);
            return new Outcome.Rejected();
        }
        StaffUser user = found.get();
        throttle.recordSuccess(username);
        if (passwordEncoder.upgradeEncoding(user.password())) {
            String upgraded = passwordEncoder.encode(password);
            if (users.upgradePassword(user.id(), user.password(), upgraded)) {
                user = user.withPassword(upgraded);
            }
        }
        users.touchLastLogin(user.id());
        return new Outcome.Success(user);
    }
}
