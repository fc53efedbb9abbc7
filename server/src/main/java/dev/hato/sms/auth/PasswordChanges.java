package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.web.ApiProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A staff member changes their own password: the current one must be right (a wrong one counts as a
 * failed login for the throttle, so this is no side door for guessing), the new one must pass the
 * password policy and differ. Every other session of the member ends; the one that asked stays. Not
 * one transaction: a refused attempt must stay counted by the throttle.
 */
@Service
class PasswordChanges {

    private static final Logger log = LoggerFactory.getLogger(PasswordChanges.class);

    /** What the change left: the user as now stored (for the session's new fingerprint). */
    sealed interface Outcome {
        record Changed(StaffUser user) implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}
    }

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PasswordChanges(
            Users users,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            AuditTrail audit,
            TransactionTemplate transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
    }

    Outcome change(long userId, String current, String next, String keepSessionId, String clientAddress) {
        StaffUser user = users.findById(userId).orElseThrow(() -> ApiProblem.notFound("User", userId));
        Optional<Duration> wait = throttle.attempt(user.username(), clientAddress);
        if (wait.isPresent()) {
            return new Outcome.Throttled(wait.get());
        }
        if (!user.hasUsablePassword() || !passwordEncoder.matches(current, user.password())) {
            log.info("Password change refused for user {} from {}: wrong current password", userId, clientAddress);
            throw ApiProblem.invalidField("current_password", "is not your current password");
        }
        throttle.succeeded(user.username(), clientAddress);
        if (next.equals(current)) {
            throw ApiProblem.invalidField("new_password", "must differ from the current password");
        }
        List<String> inputs = new ArrayList<>(List.of(user.username(), user.email()));
        if (user.fullName() != null) {
            inputs.add(user.fullName());
        }
        PasswordPolicy.refusal(next, inputs).ifPresent(reason -> {
            throw ApiProblem.invalidField("new_password", reason);
        });
        String hash = passwordEncoder.encode(next);
        transactions.executeWithoutResult(status -> {
            users.changeOwnPassword(userId, hash, user.username(), keepSessionId);
            audit.record(
                    AuditAction.PASSWORD_CHANGED,
                    "user",
                    userId,
                    Map.of("must_change_password", user.mustChangePassword()),
                    Map.of("must_change_password", false));
        });
        log.info("User {} changed their password from {}", userId, clientAddress);
        return new Outcome.Changed(user.withPassword(hash).withoutForcedChange());
    }
}
