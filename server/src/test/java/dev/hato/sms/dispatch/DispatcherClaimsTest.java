package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.message.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How often the dispatcher claims. Each claim is a statement, a commit and a lease; before the gather
 * delay a send woke the dispatcher, it claimed that one message, claimed again at once to find
 * nothing, and so made about two claims per message (1.76 measured under load).
 */
class DispatcherClaimsTest {

    static final class CountingOutbox extends Outbox {
        final AtomicInteger claims = new AtomicInteger();

        CountingOutbox(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            super(jdbc);
        }

        @Override
        public List<Claimed> claim(int limit, Duration lease) {
            claims.incrementAndGet();
            return super.claim(limit, lease);
        }
    }

    @Test
    void sendsArrivingOneByOneAreClaimedTogether() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_claims")) {
            DispatchProperties base = OutboxDatabase.properties(1000, 3, Duration.ofMillis(50), Duration.ofSeconds(60));
            DispatchProperties properties = new DispatchProperties(
                    true,
                    base.ratePerSecond(),
                    base.maxAttempts(),
                    base.batchSize(),
                    base.maxInFlight(),
                    Duration.ofSeconds(30), // no poll during the test: only the sends' wake-ups claim
                    base.leaseTimeout(),
                    base.backoffBase(),
                    base.backoffMax(),
                    base.shutdownGrace(),
                    base.poolSize(),
                    Duration.ofMillis(200));
            CountingOutbox outbox = new CountingOutbox(db.jdbc);
            SharedDispatchTest.CountingProvider provider = new SharedDispatchTest.CountingProvider();
            Dispatcher dispatcher = new Dispatcher(
                    outbox,
                    new RateLimiter(db.jdbc, properties.ratePerSecond()),
                    provider,
                    properties,
                    new SimpleMeterRegistry(),
                    OptOuts.NONE);
            dispatcher.start();
            try {
                Thread.sleep(100); // the claim the loop makes when it starts
                int atStart = outbox.claims.get();
                for (int i = 0; i < 10; i++) {
                    db.queue(1); // one accepted send ...
                    dispatcher.wake(); // ... and its wake-up, as after each send's commit
                }
                db.awaitSettled(Duration.ofSeconds(20));

                assertThat(db.statusCounts()).containsExactly(Map.entry("sent", 10L));
                assertThat(outbox.claims.get() - atStart)
                        .as("claims for 10 sends woken one by one")
                        .isLessThanOrEqualTo(3);
            } finally {
                dispatcher.stop();
            }
        }
    }
}
