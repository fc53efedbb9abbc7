package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The problem types of logging in, sessions and CSRF (no session at all is web's not-authenticated). */
@Component
final class AuthProblems implements ProblemTypes {

    static final ProblemType SESSION_EXPIRED = new ProblemType(
            "session-expired",
            HttpStatus.UNAUTHORIZED,
            "Session expired",
            "the session expired (idle or absolute lifetime)");
    static final ProblemType SESSION_REVOKED = new ProblemType(
            "session-revoked",
            HttpStatus.UNAUTHORIZED,
            "Session ended",
            "the session ended: the user's password or permissions changed");
    static final ProblemType PASSWORD_CHANGE_REQUIRED = new ProblemType(
            "password-change-required",
            HttpStatus.FORBIDDEN,
            "Password change required",
            "someone else set the member's password: only POST /api/auth/password (and me, csrf, logout) until"
                    + " the member sets their own");
    static final ProblemType USERNAME_TAKEN = new ProblemType(
            "username-taken", HttpStatus.CONFLICT, "Username taken", "another user already has this username");
    static final ProblemType EMPLOYEE_ID_TAKEN = new ProblemType(
            "employee-id-taken", HttpStatus.CONFLICT, "Employee id taken", "another user already has this employee id");
    static final ProblemType LAST_SUPERUSER = new ProblemType(
            "last-superuser",
            HttpStatus.CONFLICT,
            "Last superuser",
            "the change would leave no active superuser to manage the team");
    static final ProblemType HOST_NOT_ALLOWED = new ProblemType(
            "host-not-allowed",
            HttpStatus.BAD_REQUEST,
            "Host not allowed",
            "the Host header names no host in sms.security.allowed-hosts");
    static final ProblemType INVALID_CREDENTIALS =
            new ProblemType("invalid-credentials", HttpStatus.UNAUTHORIZED, "Login failed", "login failed");
    static final ProblemType LOGIN_THROTTLED = new ProblemType(
            "login-throttled",
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed logins",
            "too many failed logins (Retry-After)");
    static final ProblemType CSRF_TOKEN_MISSING = new ProblemType(
            "csrf-token-missing",
            HttpStatus.FORBIDDEN,
            "CSRF check failed",
            "no X-CSRFToken header on an unsafe request");
    static final ProblemType CSRF_TOKEN_INVALID = new ProblemType(
            "csrf-token-invalid", HttpStatus.FORBIDDEN, "CSRF check failed", "X-CSRFToken is not this session's token");
    static final ProblemType CSRF_ORIGIN =
            new ProblemType("csrf-origin", HttpStatus.FORBIDDEN, "CSRF check failed", "Origin is not trusted");
    static final ProblemType CSRF_REFERER =
            new ProblemType("csrf-referer", HttpStatus.FORBIDDEN, "CSRF check failed", "Referer is not trusted");
}
