package dev.hato.sms.auth;

import dev.hato.sms.web.ClockSql;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts login attempts in PostgreSQL (shared by every instance) before the password is checked, so
 * parallel attempts cannot slip past the limit while the slow hash runs. Two keys: the pair (username,
 * client address), so an attacker elsewhere cannot lock a user out, and the client address alone. Over
 * its limit a key is not locked for the whole window: each further attempt must wait twice as long as
 * the one before (1 s, 2 s, 4 s, ... up to the window). A successful login clears the pair.
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

    private final JdbcClient jdbc;
    private final SecurityProperties.LoginThrottle limits;
    private final double windowSeconds;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = properties.loginThrottle();
        this.windowSeconds = limits.window().toMillis() / 1000.0;
    }

    /** Counts this attempt; empty when it may go ahead, otherwise how long the client must wait. */
    Optional<Duration> attempt(String username, String address) {
        Optional<Duration> pair = attempt(pairKey(username, address), limits.maxFailuresPerUsername());
        if (pair.isPresent()) {
            return pair;
        }
        return attempt(addressKey(address), limits.maxFailuresPerAddress());
    }

    /** The attempt succeeded: it was no failure. */
    void succeeded(String username, String address) {
        jdbc.sql("delete from login_failures where key = ?")
                .param(pairKey(username, address))
                .update();
        jdbc.sql("update login_failures set failures = greatest(0, failures - 1) where key = ?")
                .param(addressKey(address))
                .update();
    }

    void reset() {
        jdbc.sql("delete from login_failures").update();
    }

    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        jdbc.sql(ClockSql.of("delete from login_failures where window_start < {now} - make_interval(secs => :window)"))
                .param("now", OffsetDateTime.now(clock))
                .param("window", windowSeconds)
                .update();
    }

    private Optional<Duration> attempt(String key, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean counted = jdbc.sql(ATTEMPT)
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

    private static String pairKey(String username, String address) {
        return "p:" + address + ":" + Usernames.throttleKey(username);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
