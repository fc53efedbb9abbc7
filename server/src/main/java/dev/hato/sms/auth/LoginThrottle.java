package dev.hato.sms.auth;

import dev.hato.sms.web.ClockSql;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts in PostgreSQL (shared by every instance) before the password is checked, so
 * parallel attempts cannot slip past the limit while the slow hash runs. Three keys, each with its own
 * limit per window; over it, each further attempt must wait twice as long as the one before (1 s, 2 s,
 * 4 s, ... capped at the window):
 *
 * <ul>
 *   <li>the pair (username, address): one person's own typos, from one place;
 *   <li>the username from all addresses: one account sprayed from many addresses;
 *   <li>the address across usernames: one address trying many accounts.
 * </ul>
 *
 * <p>Other people's failures must not refuse a right password: while an address has no failures for a
 * username, and it is an office address or one the user logged in from recently, the username and
 * address keys count the attempt but do not stop it. A successful login clears the pair and takes its
 * own attempt off the other two keys.
 */
@Component
class LoginThrottle {

    /** One statement per key: counts the attempt unless the key is waiting; no row back means "wait". */
    private static final String ATTEMPT = ClockSql.of("""
            insert into login_failures as lf (key, window_start, failures, last_attempt)
            values (:key, {now}, 1, {now})
            on conflict (key) do update set
              failures = case when lf.window_start <= {now} - make_interval(secs => :window) then 1
                              else lf.failures + 1 end,
              window_start = case when lf.window_start <= {now} - make_interval(secs => :window) then {now}
                                  else lf.window_start end,
              last_attempt = {now}
            where lf.window_start <= {now} - make_interval(secs => :window)
               or lf.failures < :limit
               or {now} >= lf.last_attempt + make_interval(secs => least(:window, power(2, lf.failures - :limit)))
            returning failures""");

    private static final String WAIT = ClockSql.of("""
            select ceil(extract(epoch from (
                     least(lf.window_start + make_interval(secs => :window),
                           lf.last_attempt + make_interval(secs => least(:window, power(2, lf.failures - :limit))))
                     - {now})))::bigint
            from login_failures lf where key = :key""");

    /** Counts an attempt that no limit may stop (the key is not applied to this login). */
    private static final String COUNT = ATTEMPT.substring(0, ATTEMPT.indexOf("where lf.")) + "returning failures";

    /** Whether the pair has failures in the window, and whether the user logged in from the address lately. */
    private static final String STANDING = ClockSql.of("""
            select exists(select 1 from login_failures
                          where key = :pair and window_start > {now} - make_interval(secs => :window)) as failed,
                   exists(select 1 from login_known_addresses
                          where key = :known and last_success > {now} - make_interval(secs => :lifetime)) as known""");

    private final JdbcClient jdbc;
    private final SecurityProperties.LoginThrottle limits;
    private final double windowSeconds;
    private final List<IpAddressMatcher> offices;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = properties.loginThrottle();
        this.windowSeconds = limits.window().toMillis() / 1000.0;
        this.offices = limits.officeAddresses().stream()
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .map(LoginThrottle::matcher)
                .toList();
    }

    /** Counts this attempt; empty when it may go ahead, otherwise how long the client must wait. */
    Optional<Duration> attempt(String username, String address) {
        String user = Usernames.throttleKey(username);
        boolean office = offices.stream().anyMatch(matcher -> matcher.matches(address));
        boolean shielded = shielded(pairKey(user, address), knownKey(user, address), office);
        Optional<Duration> wait = attempt(pairKey(user, address), limits.maxFailuresPerUsername(), true);
        if (wait.isEmpty()) {
            wait = attempt(userKey(user), limits.maxFailuresPerUsernameAllAddresses(), !shielded);
        }
        if (wait.isEmpty() && !office) {
            wait = attempt(addressKey(address), limits.maxFailuresPerAddress(), !shielded);
        }
        return wait;
    }

    /** The attempt succeeded: it was no failure, and the address is now known for this user. */
    void succeeded(String username, String address) {
        String user = Usernames.throttleKey(username);
        jdbc.sql("delete from login_failures where key = ?")
                .param(pairKey(user, address))
                .update();
        jdbc.sql("update login_failures set failures = greatest(0, failures - 1) where key in (?, ?)")
                .params(userKey(user), addressKey(address))
                .update();
        jdbc.sql(ClockSql.of("insert into login_known_addresses (key, last_success) values (:key, {now})"
                        + " on conflict (key) do update set last_success = excluded.last_success"))
                .param("key", knownKey(user, address))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** The username's failed logins from every address in the throttle's current window (the team page). */
    int recentFailures(String username) {
        return jdbc.sql(ClockSql.of("select failures from login_failures where key = :key"
                        + " and window_start > {now} - make_interval(secs => :window)"))
                .param("key", userKey(Usernames.throttleKey(username)))
                .param("now", OffsetDateTime.now(clock))
                .param("window", windowSeconds)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    void reset() {
        jdbc.sql("delete from login_failures").update();
        jdbc.sql("delete from login_known_addresses").update();
    }

    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql(ClockSql.of("delete from login_failures where window_start < {now} - make_interval(secs => :window)"))
                .param("now", now)
                .param("window", windowSeconds)
                .update();
        jdbc.sql(
                        ClockSql.of(
                                "delete from login_known_addresses where last_success < {now} - make_interval(secs => :lifetime)"))
                .param("now", now)
                .param("lifetime", limits.knownAddressLifetime().toSeconds())
                .update();
    }

    /** No failures of this user from this address, and it is an office or an address the user used lately. */
    private boolean shielded(String pair, String known, boolean office) {
        return jdbc.sql(STANDING)
                .param("now", OffsetDateTime.now(clock))
                .param("pair", pair)
                .param("known", known)
                .param("window", windowSeconds)
                .param("lifetime", limits.knownAddressLifetime().toSeconds())
                .query((rs, row) -> !rs.getBoolean("failed") && (office || rs.getBoolean("known")))
                .single();
    }

    /** Counts the attempt on a key; when {@code enforced}, refuses it (and counts nothing) while the key waits. */
    private Optional<Duration> attempt(String key, int limit, boolean enforced) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean counted = jdbc.sql(enforced ? ATTEMPT : COUNT)
                .param("now", now)
                .param("key", key)
                .param("window", windowSeconds)
                .param("limit", limit)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (counted) {
            return Optional.empty();
        }
        long seconds = jdbc.sql(WAIT)
                .param("now", now)
                .param("key", key)
                .param("window", windowSeconds)
                .param("limit", limit)
                .query(Long.class)
                .optional()
                .orElse(1L);
        return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
    }

    private static IpAddressMatcher matcher(String address) {
        try {
            return new IpAddressMatcher(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sms.security.login-throttle.office-addresses: '" + address
                    + "' is no IP address or CIDR range (for example 203.0.113.7 or 203.0.113.0/28)");
        }
    }

    private static String pairKey(String user, String address) {
        return "p:" + address + ":" + user;
    }

    private static String userKey(String user) {
        return "u:" + user;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static String knownKey(String user, String address) {
        return HexFormat.of().formatHex(Sha256.of(address + "\n" + user));
    }
}
