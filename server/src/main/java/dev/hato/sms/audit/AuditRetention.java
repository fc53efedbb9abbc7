package dev.hato.sms.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes audit entries older than {@code sms.retention.audit} (400 days by default: a year and a
 * month, so last year's entries are there for a yearly review); 0 keeps them for ever. The table's
 * trigger refuses every other delete: each batch says it is retention for its own transaction only.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration age;
    private final Clock clock;

    AuditRetention(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            @Value("${sms.retention.audit:400d}") Duration age,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
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
            Integer deleted = transactions.execute(status -> {
                jdbc.sql("set local hato.audit_retention = 'on'").update();
                return jdbc.sql("delete from audit_events where id in (select id from audit_events where at < ?"
                                + " order by id limit ?)")
                        .params(OffsetDateTime.now(clock).minus(age), BATCH)
                        .update();
            });
            total += deleted == null ? 0 : deleted;
            if (deleted == null || deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Retention: deleted {} audit entries older than {}", total, age);
        }
    }
}
