package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a member's password is one somebody else chose (added by a superuser, or reset), their session
 * may only change it, read who they are, refresh the CSRF cookie or log out: every other API call
 * answers 403 {@code password-change-required}, and the console shows its change screen. The flag
 * is the session's, set at login from {@code users.must_change_password}; a reset ends every session
 * anyway, so no session can outlive the flag it started with.
 */
class PasswordChangeGate extends OncePerRequestFilter {

    static final String REQUIRED = "sms.password-change-required";

    private static final Set<String> ALLOWED =
            Set.of("/api/auth/password", "/api/auth/me", "/api/auth/csrf", "/api/auth/logout", "/api/auth/login");

    private final ProblemWriter problems;

    PasswordChangeGate(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI();
        if (session != null
                && Boolean.TRUE.equals(session.getAttribute(REQUIRED))
                && (path.startsWith("/api/") || path.startsWith("/actuator/"))
                && !ALLOWED.contains(path)
                && !path.startsWith("/actuator/health")) {
            problems.write(
                    response,
                    AuthProblems.PASSWORD_CHANGE_REQUIRED.detail(
                            "Your password was set by someone else: choose your own with POST /api/auth/password"
                                    + " first"));
            return;
        }
        chain.doFilter(request, response);
    }
}
