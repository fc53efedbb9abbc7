package com.example.sms.token;

import com.example.sms.web.ApiProblem;
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

    TokenController.IssuedToken issue(long customerId, Long ttlSeconds, long staffId) {
        Duration ttl = ttl(ttlSeconds);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expiresAt = OffsetDateTime.now(clock).plus(ttl).withOffsetSameInstant(ZoneOffset.UTC);
        // One statement: the customer check and the insert (no row inserted means no such customer).
        int inserted = jdbc.sql("insert into send_tokens (token_hash, customer_id, expires_at, created_by)"
                        + " select ?, id, ?, ? from customers where id = ?")
                .params(TokenHash.of(token), expiresAt, staffId, customerId)
                .update();
        if (inserted == 0) {
            throw ApiProblem.invalidField("customer_id", "customer " + customerId + " does not exist");
        }
        return new TokenController.IssuedToken(token, customerId, expiresAt);
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
