package dev.hato.sms.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param csrfCookieName the cookie that carries the CSRF token (the console reads this name from the page)
 * @param csrfHeaderName the header every unsafe request echoes the CSRF token in
 * @param trustedOrigins origins accepted in Origin/Referer of unsafe requests, besides the service's own
 * @param secureCookies mark the CSRF cookie Secure (set it, and server.servlet.session.cookie.secure,
 *     behind HTTPS)
 * @param loginThrottle failed logins allowed per window before further attempts must wait
 * @param sessionAbsoluteTimeout a session ends this long after login, however often it is used
 * @param userRecheckInterval how stale an instance's copy of a user's password/flags may be before a
 *     session checks it again (a change made through this service ends the sessions at once)
 * @param managementRemoteAccess allow the sessionless management port on a non-loopback address
 * @param failedLoginDuration every failed login takes at least this long, so the answer does not tell
 *     unknown users, Django hashes and bcrypt hashes apart
 * @param allowedHosts host names the service answers to (Host header; each optionally with a port); empty:
 *     localhost, 127.0.0.1 and [::1] when server.address is loopback, otherwise startup fails
 * @param bcryptStrength bcrypt cost (log2 of the rounds) of new password hashes and of the check an
 *     unknown username gets; existing hashes keep the cost they were made with
 */
@Validated
@ConfigurationProperties("sms.security")
public record SecurityProperties(
        @DefaultValue("csrftoken") @NotBlank String csrfCookieName,
        @DefaultValue("X-CSRFToken") @NotBlank String csrfHeaderName,
        @DefaultValue("http://localhost:3000") List<String> trustedOrigins,
        @DefaultValue("false") boolean secureCookies,
        @DefaultValue @Valid @NotNull LoginThrottle loginThrottle,
        @DefaultValue("24h") @NotNull Duration sessionAbsoluteTimeout,
        @DefaultValue("5s") @NotNull Duration userRecheckInterval,
        @DefaultValue("false") boolean managementRemoteAccess,
        @DefaultValue("400ms") @NotNull Duration failedLoginDuration,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {

    /**
     * Failed logins allowed per window before each further attempt must wait 1 s, 2 s, 4 s, ... up to the
     * window (429 with Retry-After). docs/reliability.md states what that allows an attacker per hour.
     *
     * @param maxFailuresPerUsername failed logins per (username, client address) within the window
     * @param maxFailuresPerUsernameAllAddresses failed logins per username from all addresses together
     *     within the window (spraying one account from many addresses); not applied to an address the
     *     user logged in from recently, or an office address, while that address has no failures for
     *     the user
     * @param maxFailuresPerAddress failed logins per client address within the window, across usernames;
     *     not applied to office addresses, nor to an address the user logged in from recently while it
     *     has no failures for the user
     * @param window how long failed logins are counted
     * @param officeAddresses the offices' egress addresses (IP or CIDR, e.g. 203.0.113.0/28): many staff
     *     behind one NAT, whose typos never slow each other
     * @param knownAddressLifetime how long a successful login makes its address known for that user
     */
    public record LoginThrottle(
            @DefaultValue("5") @Min(1) int maxFailuresPerUsername,
            @DefaultValue("10") @Min(1) int maxFailuresPerUsernameAllAddresses,
            @DefaultValue("20") @Min(1) int maxFailuresPerAddress,
            @DefaultValue("15m") @NotNull Duration window,
            @DefaultValue List<String> officeAddresses,
            @DefaultValue("30d") @NotNull Duration knownAddressLifetime) {}
}
