package dev.hato.sms.auth;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Issues the CSRF token as Django does: a readable cookie the client echoes in a header. The
 * token is also bound to the session, so a cookie planted by a sibling domain is useless.
 */
@Component
class CsrfTokens {

    static final String SESSION_ATTRIBUTE = "sms.csrf-token";

    private final SecureRandom random = new SecureRandom();
    private final SecurityProperties properties;

    CsrfTokens(SecurityProperties properties) {
        this.properties = properties;
    }

    /** A fresh token, stored in the session and sent as a cookie in this very response. */
    void rotate(HttpSession session, HttpServletResponse response) {
        String token = newToken();
        session.setAttribute(SESSION_ATTRIBUTE, token);
        writeCookie(response, token);
    }

    /** Sends the session's token (or a fresh one when there is no session yet) as a cookie. */
    void refresh(HttpSession session, HttpServletResponse response) {
        String token = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
        if (token == null) {
            token = newToken();
            if (session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, token);
            }
        }
        writeCookie(response, token);
    }

    void clear(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private void writeCookie(HttpServletResponse response, String token) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(token, Duration.ofDays(365)).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(properties.csrfCookieName(), value)
                .path("/")
                .sameSite("Lax")
                .httpOnly(false)
                .secure(properties.secureCookies())
                .maxAge(maxAge)
                .build();
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
