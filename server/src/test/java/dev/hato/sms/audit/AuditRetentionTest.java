package dev.hato.sms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.HttpTest;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuditRetentionTest extends HttpTest {

    @Autowired
    AuditRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void entriesOlderThan400DaysGoAndYoungerOnesStay() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long old = insert(now.minusDays(401));
        long kept = insert(now.minusDays(399));

        retention.purge();

        assertThat(exists(old)).isFalse();
        assertThat(exists(kept)).isTrue();
    }

    private long insert(OffsetDateTime at) {
        return jdbc.sql("insert into audit_events (at, action) values (?, 'logout') returning id")
                .param(at)
                .query(Long.class)
                .single();
    }

    private boolean exists(long id) {
        return jdbc.sql("select exists(select 1 from audit_events where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }
}
