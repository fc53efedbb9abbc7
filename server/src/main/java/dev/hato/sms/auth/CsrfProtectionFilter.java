package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemType;
import dev.hato.sms.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Django-compatible CSRF checks for unsafe methods on a session: a trusted Origin/Referer when the
 * client sends one, and the X-CSRFToken header equal to the session's token. Each failure says
 * which check failed, because a client author has to know what to fix.
 */
class CsrfProtectionFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SecurityProperties properties;
    private final ProblemWriter problems;
    private final Set<String> exemptPaths;

    CsrfProtectionFilter(SecurityProperties properties, ProblemWriter problems, Set<String> exemptPaths) {
        this.properties = properties;
        this.problems = problems;
        this.exemptPaths = exemptPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod()) || exemptPaths.contains(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin != null && !trusted(origin, request)) {
            reject(response, AuthProblems.CSRF_ORIGIN, "Origin " + origin + " is not a trusted origin");
            return;
        }
        String referer = request.getHeader("Referer");
        if (referer != null && !trusted(originOf(referer), request)) {
            reject(response, AuthProblems.CSRF_REFERER, "Referer " + referer + " is not from a trusted origin");
            return;
        }
        String header = request.getHeader(properties.csrfHeaderName());
        if (header == null || header.isBlank()) {
            reject(
                    response,
                    AuthProblems.CSRF_TOKEN_MISSING,
                    "The " + properties.csrfHeaderName() + " header is missing; send the value of the "
                            + properties.csrfCookieName() + " cookie");
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfTokens.SESSION_ATTRIBUTE);
        if (!(expected instanceof String token) || !constantTimeEquals(token, header)) {
            reject(
                    response,
                    AuthProblems.CSRF_TOKEN_INVALID,
                    "The " + properties.csrfHeaderName()
                            + " header does not match this session's token (it changes at every login)");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean trusted(String origin, HttpServletRequest request) {
        if (origin == null) {
            return false;
        }
        String normalized = origin.toLowerCase(Locale.ROOT);
        if (normalized.equals(ownOrigin(request))) {
            return true;
        }
        return properties.trustedOrigins().stream()
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).replaceAll("/+$", "").equals(normalized));
    }

    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** The origin (scheme://host[:port]) of a Referer URL, or null when it is not an absolute http(s) URL. */
    static String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void reject(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        problems.write(response, type.detail(detail));
    }
}
