package dev.hato.sms.message;

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
 * Deletes what outlives its use: Idempotency-Keys after {@code sms.retention.idempotency-keys} (a
 * client retries within minutes), status events after {@code sms.retention.message-events} (the
 * message row itself, with its final status, stays in the history). In batches, so no purge holds
 * locks for long; 0 turns a purge off.
 */
@Component
class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Duration idempotencyKeys;
    private final Duration messageEvents;
    private final Clock clock;

    MessageRetention(
            JdbcClient jdbc,
            @Value("${sms.retention.idempotency-keys:24h}") Duration idempotencyKeys,
            @Value("${sms.retention.message-events:180d}") Duration messageEvents,
            Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.idempotencyKeys = idempotencyKeys;
        this.messageEvents = messageEvents;
    }

    @Scheduled(initialDelayString = "${sms.retention.interval:1h}", fixedDelayString = "${sms.retention.interval:1h}")
    void purge() {
        long keys = idempotencyKeys.isZero() ? 0 : batches("""
                        delete from idempotency_keys where ctid in (select ctid from idempotency_keys
                        where created_at < :before limit :batch)""", idempotencyKeys);
        // Oldest events have the lowest ids: the primary key walks straight to them.
        long events = messageEvents.isZero() ? 0 : batches("""
                        delete from message_events where id in (select id from message_events
                        where created_at < :before order by id limit :batch)""", messageEvents);
        if (keys + events > 0) {
            log.info("Retention: deleted {} idempotency key(s) and {} message event(s)", keys, events);
        }
    }

    private long batches(String sql, Duration age) {
        long total = 0;
        for (int i = 0; i < 100; i++) {
            int deleted = jdbc.sql(sql)
                    .param("before", OffsetDateTime.now(clock).minus(age))
                    .param("batch", BATCH)
                    .update();
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}
