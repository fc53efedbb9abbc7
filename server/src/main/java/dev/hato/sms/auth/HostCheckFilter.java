package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Host header is not an allowed host (400 problem JSON), before its session is
 * read or anyone authenticates it. So the CSRF check's "own origin", built from the Host header, is
 * always one of the allowed hosts.
 */
class HostCheckFilter extends OncePerRequestFilter {

    private final AllowedHosts allowed;
    private final ProblemWriter problems;

    HostCheckFilter(AllowedHosts allowed, ProblemWriter problems) {
        this.allowed = allowed;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        if (!allowed.allows(host)) {
            problems.write(
                    response,
                    AuthProblems.HOST_NOT_ALLOWED.detail(
                            "This service does not answer to the host in the Host header; see sms.security.allowed-hosts"));
            return;
        }
        chain.doFilter(request, response);
    }
}
