package dev.hato.sms.token;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes send tokens that expired more than {@code sms.retention.send-tokens} ago (used or not: a
 * token is worth nothing after its expiry). In batches, oldest first; 0 turns it off.
 */
@Component
class TokenRetention {

    private static final Logger log = LoggerFactory.getLogger(TokenRetention.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Duration age;
    private final Clock clock;

    TokenRetention(JdbcClient jdbc, @Value("${sms.retention.send-tokens:7d}") Duration age, Clock clock) {
        this.jdbc = jdbc;
        this.age = age;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${sms.retention.interval:1h}", fixedDelayString = "${sms.retention.interval:1h}")
    void purge() {
        if (age.isZero()) {
            return;
        }
        long total = 0;
        for (int i = 0; i < 100; i++) {
            int deleted = jdbc.sql("""
                            delete from send_tokens where id in (select id from send_tokens
                            where expires_at < ? order by id limit ?)""")
                    .params(OffsetDateTime.now(clock).minus(age), BATCH)
                    .update();
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Retention: deleted {} expired send token(s)", total);
        }
    }
}
