package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemWriter;
import dev.hato.sms.web.WebProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    static final String LOGIN_PATH = "/api/auth/login";

    /**
     * The staff console's policy, sent with every response except Swagger UI's (which runs inline code):
     * scripts, styles and connections from this origin only, no inline script, no eval, no framing. Even
     * if a text from the database reached the page as markup, it could not run.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            SecurityProperties properties,
            ProblemWriter problems,
            SecurityContextRepository contextRepository,
            UserFingerprints fingerprints,
            java.time.Clock clock,
            Environment environment)
            throws Exception {
        http.securityContext(c -> c.securityContextRepository(contextRepository))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(sessionlessManagement(environment, properties))
                        .permitAll()
                        .requestMatchers(LOGIN_PATH, "/api/auth/csrf", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        // Where they are served at all (sms.api-docs.enabled), for staff only.
                        // (".yaml" too: "/v3/api-docs/**" does not cover it, and it was served to anyone.)
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html")
                        .hasRole("STAFF")
                        // Operations figures (slowest statements, pool, JVM) are for superusers only.
                        .requestMatchers("/api/ops/**", "/api/users", "/api/users/**", "/api/audit", "/api/audit/**")
                        .hasRole("SUPERUSER")
                        .requestMatchers("/api/**", "/actuator/**")
                        .hasRole("STAFF")
                        .anyRequest()
                        .permitAll())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                request -> !request.getRequestURI().startsWith("/swagger-ui")
                                        && !request.getRequestURI().startsWith("/v3/api-docs"),
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (request, response, ex) -> problems.write(response, unauthenticated(request)))
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response,
                                WebProblems.FORBIDDEN.detail(
                                        request.getRequestURI().startsWith("/api/ops/")
                                                ? "Only superusers may read the operations figures"
                                                : request.getRequestURI().startsWith("/api/users")
                                                        ? "Only superusers may manage the team"
                                                        : request.getRequestURI()
                                                                        .startsWith("/api/audit")
                                                                ? "Only superusers may read the audit trail"
                                                                : "Only staff members may use this service"))))
                .addFilterBefore(
                        new SessionGuard(fingerprints, properties.sessionAbsoluteTimeout(), clock),
                        AuthorizationFilter.class)
                .addFilterBefore(new PasswordChangeGate(problems), AuthorizationFilter.class)
                .addFilterAfter(
                        new CsrfProtectionFilter(properties, problems, Set.of(LOGIN_PATH)), AuthorizationFilter.class);
        return http.build();
    }

    /** 401, saying whether there was no session, or it expired, or it was ended because the user changed. */
    private static org.springframework.http.ProblemDetail unauthenticated(HttpServletRequest request) {
        Object ended = request.getAttribute(SessionGuard.ENDED);
        if (ended == AuthProblems.SESSION_REVOKED) {
            return AuthProblems.SESSION_REVOKED.detail(
                    "The session was ended because the user's password or permissions changed; log in again");
        }
        if (ended == AuthProblems.SESSION_EXPIRED
                || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid())) {
            return AuthProblems.SESSION_EXPIRED.detail("The session expired; log in again");
        }
        return WebProblems.NOT_AUTHENTICATED.detail("Log in with POST " + LOGIN_PATH + " first");
    }

    /**
     * Requests to actuator on a separate management port need no session: Prometheus scrapes there. Only
     * when that port differs from the main port, and only on loopback unless the operator allows more
     * (a management port equal to the main port must never open the API).
     */
    static RequestMatcher sessionlessManagement(Environment environment, SecurityProperties properties) {
        int serverPort = environment.getProperty("server.port", Integer.class, 8080);
        int managementPort = environment.getProperty("management.server.port", Integer.class, -1);
        if (managementPort <= 0 || managementPort == serverPort) {
            return request -> false;
        }
        String address = environment.getProperty("management.server.address");
        if (!properties.managementRemoteAccess() && !AllowedHosts.isLoopback(address)) {
            throw new IllegalStateException("management.server.port " + managementPort
                    + " serves metrics without a session, so it must listen on loopback: set"
                    + " management.server.address=127.0.0.1 (or sms.security.management-remote-access=true to"
                    + " expose it on " + (address == null ? "every interface" : address) + " deliberately)");
        }
        return request -> request.getLocalPort() == managementPort
                && request.getRequestURI().startsWith("/actuator/");
    }
}
