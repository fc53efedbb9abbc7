package dev.hato.sms.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A value derived from what may end a user's sessions (password hash, active, staff, superuser), as
 * Django binds a session to its user's password hash. A session stores it at login and is checked
 * against it on every request; the current value is read from PostgreSQL at most once per {@code
 * sms.security.user-recheck-interval} per user and instance, so the check costs no round trip per request.
 */
@Component
class UserFingerprints {

    private record Cached(Optional<String> fingerprint, long loadedAt) {}

    private final JdbcClient jdbc;
    private final long recheckMillis;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    UserFingerprints(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.recheckMillis = properties.userRecheckInterval().toMillis();
        this.clock = clock;
    }

    static String of(StaffUser user) {
        return of(user.password(), user.isActive(), user.isStaff(), user.isSuperuser());
    }

    /** The user's current fingerprint, or empty when the user no longer exists. */
    Optional<String> current(long userId) {
        long now = clock.millis();
        Cached cached = cache.get(userId);
        if (cached == null || now - cached.loadedAt() > recheckMillis) {
            cached = new Cached(load(userId), now);
            cache.put(userId, cached);
        }
        return cached.fingerprint();
    }

    /** Takes a fingerprint just read from the database as this instance's copy. */
    void remember(long userId, String fingerprint) {
        cache.put(userId, new Cached(Optional.of(fingerprint), clock.millis()));
    }

    /** Forgets this instance's copy, so the next request of the user reads it again. */
    void forget(long userId) {
        cache.remove(userId);
    }

    Duration recheckInterval() {
        return Duration.ofMillis(recheckMillis);
    }

    private Optional<String> load(long userId) {
        return jdbc.sql("select password, is_active, is_staff, is_superuser from users where id = ?")
                .param(userId)
                .query((rs, i) -> of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    private static String of(String passwordHash, boolean active, boolean staff, boolean superuser) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Sha256.of(passwordHash + "|" + active + "|" + staff + "|" + superuser));
    }
}
