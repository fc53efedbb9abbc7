package dev.hato.sms.token;

import dev.hato.sms.web.ApiProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class TokenService {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final TokenProperties properties;
    private final Clock clock;

    TokenService(JdbcClient jdbc, TokenProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    IssuedToken issue(long customerId, Long ttlSeconds, long staffId) {
        Duration ttl = ttl(ttlSeconds);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // One statement: the customer check and the insert (no row means no such customer). Expiry comes
        // from the service's clock, the same clock that checks it at send time.
        OffsetDateTime expiresAt = jdbc.sql("insert into send_tokens (token_hash, customer_id, expires_at, created_by)"
                        + " select ?, id, cast(? as timestamptz) + make_interval(secs => ?), ? from customers where id = ?"
                        + " returning expires_at")
                .params(TokenHash.of(token), OffsetDateTime.now(clock), ttl.toMillis() / 1000.0, staffId, customerId)
                .query(OffsetDateTime.class)
                .optional()
                .orElseThrow(
                        () -> ApiProblem.invalidField("customer_id", "customer " + customerId + " does not exist"));
        return new IssuedToken(token, customerId, expiresAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private Duration ttl(Long ttlSeconds) {
        if (ttlSeconds == null) {
            return properties.defaultTtl();
        }
        if (ttlSeconds > properties.maxTtl().toSeconds()) {
            throw ApiProblem.invalidField(
                    "ttl_seconds", "must be at most " + properties.maxTtl().toSeconds() + " seconds");
        }
        return Duration.ofSeconds(ttlSeconds);
    }
}
