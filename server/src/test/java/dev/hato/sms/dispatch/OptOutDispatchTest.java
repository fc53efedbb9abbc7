package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptOutDispatchTest {

    @Test
    void aMessageWhoseNumberOptedOutAfterAcceptanceEndsFailedAndIsNeverPublished() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_opt_out")) {
            db.queue(10);
            SharedDispatchTest.CountingProvider provider = new SharedDispatchTest.CountingProvider();
            Dispatcher dispatcher = db.dispatcher(
                    provider,
                    OutboxDatabase.properties(1000, 3, Duration.ofMillis(50), Duration.ofSeconds(60)),
                    numbers -> Set.of("+819011112222"));
            dispatcher.start();
            try {
                db.awaitSettled(Duration.ofSeconds(10));
            } finally {
                dispatcher.stop();
            }

            assertThat(provider.times).isEmpty();
            assertThat(db.statusCounts()).containsExactly(java.util.Map.entry("failed", 10L));
            assertThat(db.jdbc
                            .sql("select count(*) from messages where last_error like 'opted-out:%'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(10);
        }
    }
}
