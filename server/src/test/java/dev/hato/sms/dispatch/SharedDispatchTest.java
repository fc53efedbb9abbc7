package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedDispatchTest {

    /** Counts publishes per message and remembers when each happened. */
    static class CountingProvider implements SmsProvider {
        final Map<Long, AtomicInteger> publishes = new ConcurrentHashMap<>();
        final List<Instant> times = java.util.Collections.synchronizedList(new ArrayList<>());

        /** The most calls among {@code sorted} that fall into any one second. */
        static int busiestSecond(List<Instant> sorted) {
            int busiest = 0;
            for (int i = 0, j = 0; i < sorted.size(); i++) {
                while (!sorted.get(j).plusSeconds(1).isAfter(sorted.get(i))) {
                    j++;
                }
                busiest = Math.max(busiest, i - j + 1);
            }
            return busiest;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Outcome publish(OutboundSms sms) {
            times.add(Instant.now());
            publishes
                    .computeIfAbsent(sms.messageId(), id -> new AtomicInteger())
                    .incrementAndGet();
            return new Outcome.Sent("id-" + sms.messageId());
        }
    }

    @Test
    void twoInstancesPublishEachOfTwoThousandMessagesExactlyOnce() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_shared")) {
            db.queue(2000);
            CountingProvider provider = new CountingProvider();
            DispatchProperties properties =
                    OutboxDatabase.properties(4000, 3, Duration.ofMillis(50), Duration.ofSeconds(60));
            Dispatcher a = db.dispatcher(provider, properties);
            Dispatcher b = db.dispatcher(provider, properties);
            a.start();
            b.start();
            try {
                db.awaitSettled(Duration.ofSeconds(60));
            } finally {
                a.stop();
                b.stop();
            }

            assertThat(provider.publishes).hasSize(2000);
            assertThat(provider.publishes.values()).allMatch(count -> count.get() == 1);
            assertThat(db.statusCounts()).containsExactly(Map.entry("sent", 2000L));
        }
    }

    @Test
    void shutdownFinishesInFlightCallsAndReleasesTheRest() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_shutdown")) {
            db.queue(50);
            CountingProvider provider = new CountingProvider();
            Dispatcher dispatcher = db.dispatcher(
                    provider, OutboxDatabase.properties(10, 3, Duration.ofMillis(50), Duration.ofSeconds(60)));
            dispatcher.start();
            // Stopped while the batch is under way: some sent at 10/s, the rest still waiting for slots.
            await().atMost(Duration.ofSeconds(10)).until(() -> provider.publishes.size() >= 5);
            dispatcher.stop();

            Map<String, Long> counts = db.statusCounts();
            assertThat(counts).doesNotContainKey("sending");
            assertThat(counts.get("sent")).isEqualTo(provider.publishes.size()).isBetween(5L, 20L);
            assertThat(counts.get("queued")).isEqualTo(50 - counts.get("sent"));
            assertThat(db.jdbc
                            .sql("select count(*) from messages where status = 'queued' and attempts > 0")
                            .query(Long.class)
                            .single())
                    .as("released messages do not count an attempt")
                    .isZero();
        }
    }

    @Test
    void twentyPerSecondSendsOneHundredInFiveSecondsAndNeverMoreThanTwentyInAnySecond() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_rate")) {
            // 100 messages: five full seconds at the quota (wall-clock time the suite waits, so no more).
            db.queue(100);
            CountingProvider provider = new CountingProvider();
            Dispatcher dispatcher = db.dispatcher(
                    provider, OutboxDatabase.properties(20, 3, Duration.ofMillis(50), Duration.ofSeconds(60)));
            Instant start = Instant.now();
            dispatcher.start();
            try {
                db.awaitSettled(Duration.ofSeconds(30));
            } finally {
                dispatcher.stop();
            }
            Duration took = Duration.between(start, Instant.now());

            List<Instant> times = new ArrayList<>(provider.times);
            times.sort(null);
            int busiest = CountingProvider.busiestSecond(times);
            System.out.printf(
                    "rate limit: 100 messages at 20/s took %d ms; busiest 1 s window %d%n", took.toMillis(), busiest);
            assertThat(times).hasSize(100);
            assertThat(took).isBetween(Duration.ofMillis(4_500), Duration.ofMillis(5_500));
            assertThat(busiest).isLessThanOrEqualTo(20);
        }
    }
}
