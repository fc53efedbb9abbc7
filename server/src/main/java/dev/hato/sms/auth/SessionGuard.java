package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has outlived its user or its absolute lifetime: the password or the
 * active/staff/superuser flags changed since login (the fingerprint differs), the user is gone, or the
 * session is older than {@code sms.security.session-absolute-timeout} however often it was used. The
 * request then continues unauthenticated, and a protected endpoint answers 401 saying why.
 */
class SessionGuard extends OncePerRequestFilter {

    static final String FINGERPRINT = "sms.user-fingerprint";
    /** Request attribute: why this request's session was just ended (the problem type to answer with). */
    static final String ENDED = "sms.session-ended";

    private final UserFingerprints fingerprints;
    private final Duration absoluteTimeout;
    private final Clock clock;

    SessionGuard(UserFingerprints fingerprints, Duration absoluteTimeout, Clock clock) {
        this.fingerprints = fingerprints;
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (authentication != null
                && authentication.getPrincipal() instanceof StaffPrincipal principal
                && session != null) {
            ProblemType ended = endedBecause(principal, session);
            if (ended != null) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                request.setAttribute(ENDED, ended);
            }
        }
        chain.doFilter(request, response);
    }

    private ProblemType endedBecause(StaffPrincipal principal, HttpSession session) {
        if (clock.millis() - session.getCreationTime() > absoluteTimeout.toMillis()) {
            return AuthProblems.SESSION_EXPIRED;
        }
        Object stored = session.getAttribute(FINGERPRINT);
        Optional<String> current = fingerprints.current(principal.id());
        if (current.isPresent() && !Objects.equals(current.get(), stored)) {
            // This instance's copy may predate a change made through another instance (a password the
            // member changed there, and this very session carries the new fingerprint): read it again
            // before ending the session. A session that really was revoked costs one read, once.
            fingerprints.forget(principal.id());
            current = fingerprints.current(principal.id());
        }
        if (current.isEmpty() || !Objects.equals(current.get(), stored)) {
            return AuthProblems.SESSION_REVOKED;
        }
        return null;
    }
}
