package dev.hato.sms.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address in fixed windows, in PostgreSQL, so
 * every instance behind a load balancer enforces the same limit.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final SecurityProperties.LoginThrottle limits;
    private final double windowSeconds;

    LoginThrottle(JdbcClient jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.limits = properties.loginThrottle();
        this.windowSeconds = limits.window().toMillis() / 1000.0;
    }

    /** How long the caller must wait, if either key is over its limit. */
    Optional<Duration> retryAfter(String username, String address) {
        return jdbc.sql("""
                        select ceil(extract(epoch from (window_start + make_interval(secs => :window) - now())))::bigint
                        from login_failures
                        where window_start > now() - make_interval(secs => :window)
                          and ((key = :user and failures >= :userLimit) or (key = :address and failures >= :addressLimit))
                        order by 1 desc limit 1""")
                .param("window", windowSeconds)
                .param("user", userKey(username))
                .param("userLimit", limits.maxFailuresPerUsername())
                .param("address", addressKey(address))
                .param("addressLimit", limits.maxFailuresPerAddress())
                .query(Long.class)
                .optional()
                .map(seconds -> Duration.ofSeconds(Math.max(1, seconds)));
    }

    void recordFailure(String username, String address) {
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            jdbc.sql("""
                            insert into login_failures (key, window_start, failures) values (:key, now(), 1)
                            on conflict (key) do update set
                              failures = case when login_failures.window_start <= now() - make_interval(secs => :window)
                                              then 1 else login_failures.failures + 1 end,
                              window_start = case when login_failures.window_start <= now() - make_interval(secs => :window)
                                                  then now() else login_failures.window_start end""").param("key", key).param("window", windowSeconds).update();
        }
    }

    void recordSuccess(String username) {
        jdbc.sql("delete from login_failures where key = ?")
                .param(userKey(username))
                .update();
    }

    void reset() {
        jdbc.sql("delete from login_failures").update();
    }

    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        jdbc.sql("delete from login_failures where window_start < now() - make_interval(secs => ?)")
                .param(windowSeconds)
                .update();
    }

    private static String userKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
