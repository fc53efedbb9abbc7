package dev.hato.sms.auth;

import dev.hato.sms.web.ProblemWriter;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextRepository;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    static final String LOGIN_PATH = "/api/auth/login";

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            SecurityProperties properties,
            ProblemWriter problems,
            SecurityContextRepository contextRepository,
            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        http.securityContext(c -> c.securityContextRepository(contextRepository))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(c -> c.disable())
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .authorizeHttpRequests(auth -> auth
                        // A separate management port listens on loopback only (management.server.address):
                        // Prometheus on the same host scrapes it without a session.
                        .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                        .permitAll()
                        .requestMatchers(LOGIN_PATH, "/api/auth/csrf", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/ops/**", "/actuator/**")
                        .hasRole("STAFF")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                response,
                                ProblemWriter.problem(
                                        HttpStatus.UNAUTHORIZED,
                                        "not-authenticated",
                                        "Not authenticated",
                                        "Log in with POST " + LOGIN_PATH + " first")))
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response,
                                ProblemWriter.problem(
                                        HttpStatus.FORBIDDEN,
                                        "forbidden",
                                        "Forbidden",
                                        "Only staff members may use this service"))))
                .addFilterAfter(
                        new CsrfProtectionFilter(properties, problems, Set.of(LOGIN_PATH)), AuthorizationFilter.class);
        return http.build();
    }
}
