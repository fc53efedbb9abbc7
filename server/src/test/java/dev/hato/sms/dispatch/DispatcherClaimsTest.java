package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.message.Outbox;
import dev.hato.sms.message.TestOutboxes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How often the dispatcher claims. Each claim is a statement, a commit and a lease; before the gather
 * delay a send woke the dispatcher, it claimed that one message, claimed again at once to find
 * nothing, and so made about two claims per message (1.76 measured under load).
 */
class DispatcherClaimsTest {

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
            AtomicInteger claims = new AtomicInteger();
            Outbox outbox = TestOutboxes.countingClaims(db.dataSource, db.clock, claims);
            SharedDispatchTest.CountingProvider provider = new SharedDispatchTest.CountingProvider();
            Dispatcher dispatcher = db.dispatcher(outbox, provider, properties, OptOuts.NONE);
            dispatcher.start();
            try {
                // the claim the loop makes when it starts
                await().atMost(Duration.ofSeconds(10)).until(() -> claims.get() >= 1);
                int atStart = claims.get();
                for (int i = 0; i < 10; i++) {
                    db.queue(1); // one accepted send ...
                    dispatcher.wake(); // ... and its wake-up, as after each send's commit
                }
                db.awaitSettled(Duration.ofSeconds(20));

                assertThat(db.statusCounts()).containsExactly(Map.entry("sent", 10L));
                assertThat(claims.get() - atStart)
                        .as("claims for 10 sends woken one by one")
                        .isLessThanOrEqualTo(3);
            } finally {
                dispatcher.stop();
            }
        }
    }
}
