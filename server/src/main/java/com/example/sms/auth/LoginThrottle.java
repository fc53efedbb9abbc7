package com.example.sms.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address in fixed windows. Kept in memory: each
 * instance throttles on its own, which bounds guessing to (instances x limit) per window.
 */
@Component
class LoginThrottle {

    private record Window(Instant start, int failures) {}

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final SecurityProperties.LoginThrottle limits;
    private final Clock clock;

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.limits = properties.loginThrottle();
        this.clock = clock;
    }

    /** How long the caller must wait, if either key is over its limit. */
    Optional<Duration> retryAfter(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byUser = blocked(userKey(username), limits.maxFailuresPerUsername(), now);
        return byUser.isPresent() ? byUser : blocked(addressKey(address), limits.maxFailuresPerAddress(), now);
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            windows.compute(
                    key,
                    (k, w) -> w == null || expired(w, now)
                            ? new Window(now, 1)
                            : new Window(w.start(), w.failures() + 1));
        }
    }

    void recordSuccess(String username) {
        windows.remove(userKey(username));
    }

    void reset() {
        windows.clear();
    }

    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        Instant now = clock.instant();
        windows.values().removeIf(w -> expired(w, now));
    }

    private Optional<Duration> blocked(String key, int limit, Instant now) {
        Window w = windows.get(key);
        if (w == null || expired(w, now) || w.failures() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start().plus(limits.window())));
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(limits.window()));
    }

    private static String userKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
