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
            Outbox outbox = new Outbox(db.jdbc);
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
    void sentOutcomesWrittenTogetherFinishEachMessageOnceWithItsEvent() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("outbox_group_commit")) {
            db.queue(200);
            Outbox outbox = new Outbox(db.jdbc);
            List<Outbox.Claimed> claimed = outbox.claim(200, Duration.ofSeconds(60));
            Outbox.Claimed stale = claimed.get(0);
            db.jdbc
                    .sql("update messages set attempts = attempts + 1 where id = ?")
                    .param(stale.id())
                    .update();
            SentOutcomes outcomes = new SentOutcomes(outbox);
            java.util.concurrent.ConcurrentHashMap<Long, Double> results =
                    new java.util.concurrent.ConcurrentHashMap<>();

            var pool = new java.util.concurrent.ForkJoinPool(16);
            try {
                pool.submit(() -> claimed.parallelStream()
                                .forEach(m -> results.put(m.id(), outcomes.markSent(m, "pid \"" + m.id() + "\\"))))
                        .get();
            } finally {
                pool.shutdown();
            }

            assertThat(results.get(stale.id()))
                    .as("a newer attempt is not finished")
                    .isNegative();
            assertThat(results).hasSize(200).allSatisfy((id, latency) -> {
                if (id != stale.id()) {
                    assertThat(latency).isNotNegative();
                }
            });
            assertThat(db.statusCounts()).containsEntry("sent", 199L).containsEntry("sending", 1L);
            assertThat(db.jdbc
                            .sql("select count(*) from message_events where status = 'sent'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(199);
            long id = claimed.get(7).id();
            assertThat(db.jdbc
                            .sql("select provider_message_id from messages where id = ?")
                            .param(id)
                            .query(String.class)
                            .single())
                    .isEqualTo("pid \"" + id + "\\");
        }
    }

    @Test
    void reclaimTakesAtMostOneBatchPerRound() {
        try (OutboxDatabase db = new OutboxDatabase("outbox_reclaim")) {
            db.queue(30);
            Outbox outbox = new Outbox(db.jdbc);
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
