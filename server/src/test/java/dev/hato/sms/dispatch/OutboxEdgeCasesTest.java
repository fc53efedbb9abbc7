package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.message.Outbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxEdgeCasesTest {

    @Test
    void aStaleWorkerCannotFinishANewerAttemptOfTheSameMessage() {
        try (OutboxDatabase db = new OutboxDatabase("outbox_stale")) {
            db.queue(1);
            Outbox outbox = db.outbox();
            Outbox.Claimed first = outbox.claim(1, Duration.ofSeconds(60)).get(0);
            db.jdbc
                    .sql("update messages set lease_until = now() - interval '1 second'")
                    .update();
            assertThat(outbox.reclaimExpired(100)).isOne();
            Outbox.Claimed second = outbox.claim(1, Duration.ofSeconds(60)).get(0);

            double stale = outbox.markSent(first, "stale-worker");

            assertThat(second.attempts()).isEqualTo(2);
            assertThat(stale).as("no row finished").isNegative();
            assertThat(db.statusCounts()).containsExactly(java.util.Map.entry("sending", 1L));
            assertThat(outbox.markSent(second, "current-worker")).isNotNegative();
        }
    }

    @Test
    void reclaimTakesAtMostOneBatchPerRound() {
        try (OutboxDatabase db = new OutboxDatabase("outbox_reclaim")) {
            db.queue(30);
            Outbox outbox = db.outbox();
            outbox.claim(30, Duration.ofSeconds(60));
            db.jdbc
                    .sql("update messages set lease_until = now() - interval '1 second'")
                    .update();

            assertThat(outbox.reclaimExpired(10)).isEqualTo(10);
            assertThat(outbox.reclaimExpired(100)).isEqualTo(20);
        }
    }

    @Test
    void aSharedSlotFarInTheFutureIsNotWaitedFor() {
        try (OutboxDatabase db = new OutboxDatabase("outbox_clamp")) {
            db.jdbc
                    .sql("update dispatch_rate_limit set tat = now() + interval '1 hour'")
                    .update();

            RateLimiter.Reservation reservation = new RateLimiter(db.jdbc, 20).reserve(5);

            assertThat(reservation.startsIn()).isLessThanOrEqualTo(Duration.ofSeconds(11));
            List<Duration> slots = List.of(reservation.slot(0), reservation.slot(4));
            assertThat(slots.get(1).minus(slots.get(0)))
                    .isEqualTo(reservation.spacing().multipliedBy(4));
        }
    }
}
