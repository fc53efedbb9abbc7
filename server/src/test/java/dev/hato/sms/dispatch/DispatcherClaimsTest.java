package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.message.Outbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How often the dispatcher claims. Each claim is a statement, a commit and a lease; before the gather
 * delay a send woke the dispatcher, it claimed that one message, claimed again at once to find
 * nothing, and so made about two claims per message (1.76 measured under load).
 */
class DispatcherClaimsTest {

    static final class CountingOutbox extends Outbox {
        final AtomicInteger claims = new AtomicInteger();

        CountingOutbox(JdbcClient jdbc) {
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
            // No poll during the test (30 s): only the sends' wake-ups make the dispatcher claim.
            DispatchProperties properties = OutboxDatabase.properties(
                    1000,
                    3,
                    Duration.ofMillis(50),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(30),
                    Duration.ofMillis(200));
            CountingOutbox outbox = new CountingOutbox(db.jdbc);
            SharedDispatchTest.CountingProvider provider = new SharedDispatchTest.CountingProvider();
            Dispatcher dispatcher = db.dispatcher(outbox, provider, properties, OptOuts.NONE);
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
