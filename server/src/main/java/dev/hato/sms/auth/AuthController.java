package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.ProblemResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication", description = "Session login and logout, the current user, the CSRF cookie")
@RequestMapping("/api/auth")
class AuthController {

    private final LoginService loginService;
    private final Users users;
    private final CsrfTokens csrfTokens;
    private final SecurityContextRepository contextRepository;
    private final UserFingerprints fingerprints;
    private final PasswordChanges passwordChanges;
    private final AuditTrail audit;
    private final OwnSessions ownSessions;

    AuthController(
            OwnSessions ownSessions,
            AuditTrail audit,
            PasswordChanges passwordChanges,
            LoginService loginService,
            Users users,
            CsrfTokens csrfTokens,
            SecurityContextRepository contextRepository,
            UserFingerprints fingerprints) {
        this.fingerprints = fingerprints;
        this.passwordChanges = passwordChanges;
        this.audit = audit;
        this.ownSessions = ownSessions;
        this.loginService = loginService;
        this.users = users;
        this.csrfTokens = csrfTokens;
        this.contextRepository = contextRepository;
    }

    @PostMapping("/login")
    @ProblemResponses({"validation-failed", "malformed-request", "invalid-credentials", "login-throttled"})
    ResponseEntity<UserView> login(
            @Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        LoginService.Outcome outcome = loginService.login(body.username(), body.password(), request.getRemoteAddr());
        if (outcome instanceof LoginService.Outcome.Throttled throttled) {
            throw AuthProblems.LOGIN_THROTTLED.retryAfter(
                    "Too many failed logins; try again in {seconds} s", throttled.retryAfter());
        }
        if (!(outcome instanceof LoginService.Outcome.Success success)) {
            throw AuthProblems.INVALID_CREDENTIALS.exception("Unknown username or wrong password");
        }
        StaffUser user = success.user();
        HttpSession session = freshSession(request);
        String fingerprint = UserFingerprints.of(user);
        session.setAttribute(SessionGuard.FINGERPRINT, fingerprint);
        if (user.mustChangePassword()) {
            session.setAttribute(PasswordChangeGate.REQUIRED, Boolean.TRUE);
        }
        // The user was just read from PostgreSQL: this instance's cached copy may predate a password
        // change, and would end the new session at its first request.
        fingerprints.remember(user.id(), fingerprint);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(user.id(), user.username(), user.isSuperuser()), null, authorities(user)));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        csrfTokens.rotate(session, response);
        ownSessions.started(user.id(), session.getId(), request.getRemoteAddr(), request.getHeader("User-Agent"));
        return ResponseEntity.ok(user.view());
    }

    /**
     * The member's own password: 204, and every other session of theirs ends (this one stays). A wrong
     * current password is 400 on {@code current_password} and counts as a failed login for the throttle.
     */
    @PostMapping("/password")
    @ProblemResponses({"validation-failed", "malformed-request", "login-throttled"})
    ResponseEntity<Void> changePassword(
            @Valid @RequestBody PasswordChangeRequest body,
            @AuthenticationPrincipal StaffPrincipal principal,
            HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) { // the security chain lets no request without one get here
            throw AuthProblems.SESSION_EXPIRED.exception("The session expired; log in again");
        }
        PasswordChanges.Outcome outcome = passwordChanges.change(
                principal.id(), body.currentPassword(), body.newPassword(), session.getId(), request.getRemoteAddr());
        if (outcome instanceof PasswordChanges.Outcome.Throttled throttled) {
            throw AuthProblems.LOGIN_THROTTLED.retryAfter(
                    "Too many wrong passwords; try again in {seconds} s", throttled.retryAfter());
        }
        StaffUser changed = ((PasswordChanges.Outcome.Changed) outcome).user();
        String fingerprint = UserFingerprints.of(changed);
        session.setAttribute(SessionGuard.FINGERPRINT, fingerprint);
        session.removeAttribute(PasswordChangeGate.REQUIRED);
        fingerprints.remember(changed.id(), fingerprint);
        return ResponseEntity.noContent().build();
    }

    /** The member's open sessions, newest first; {@code current} marks the one asking. */
    @GetMapping("/sessions")
    List<OwnSessions.Session> sessions(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        return ownSessions.list(me, currentSession(request).getId());
    }

    /** 204: that other session ends at its next request (on any instance). */
    @DeleteMapping("/sessions/{id}")
    @ProblemResponses({"validation-failed", "not-found"})
    ResponseEntity<Void> endSession(
            @PathVariable String id, @AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        ownSessions.end(me, id, currentSession(request).getId());
        return ResponseEntity.noContent().build();
    }

    /** Every session of the member but this one. */
    @DeleteMapping("/sessions")
    Map<String, Integer> endOtherSessions(@AuthenticationPrincipal StaffPrincipal me, HttpServletRequest request) {
        return Map.of("ended", ownSessions.endOthers(me, currentSession(request).getId()));
    }

    private static HttpSession currentSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) { // the security chain lets no request without one get here
            throw AuthProblems.SESSION_EXPIRED.exception("The session expired; log in again");
        }
        return session;
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal()
                        instanceof StaffPrincipal who) {
            audit.record(AuditAction.LOGOUT, "user", who.id(), null, null);
        }
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        csrfTokens.clear(response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal StaffPrincipal principal) {
        return users.findById(principal.id())
                .map(StaffUser::view)
                .orElseThrow(() -> ApiProblem.notFound("User", principal.id()));
    }

    @GetMapping("/csrf")
    ResponseEntity<Void> csrf(HttpServletRequest request, HttpServletResponse response) {
        csrfTokens.refresh(request.getSession(false), response);
        return ResponseEntity.noContent().build();
    }

    /** Drops whatever session the client brought, so a planted session id is never promoted (fixation). */
    private static HttpSession freshSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        return request.getSession(true);
    }

    private static List<GrantedAuthority> authorities(StaffUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        if (user.isSuperuser()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SUPERUSER"));
        }
        return authorities;
    }
}
