package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishGateTest {

    private static final long SPACING = TimeUnit.MILLISECONDS.toNanos(51);

    /**
     * Compares the moments the gate let each call through (read from the gate: a time the test took
     * after await returned could be late for one call and not the next, and then look too close).
     */
    @Test
    void callsLetThroughOneAfterAnotherAreAtLeastOneSpacingApart() {
        PublishGate gate = new PublishGate();
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            gate.await(SPACING);
            long letThrough = gate.lastCallNanos();
            if (i > 0) {
                assertThat(letThrough - previous).isGreaterThanOrEqualTo(SPACING);
            }
            previous = letThrough;
        }
    }

    /**
     * The CI failure this guards against: a publishing thread stalled between the gate and its call
     * (30 ms here, against 51 ms spacing in production, as a GC pause or a descheduled thread), so its call landed 21 ms before the next
     * one and a one-second window at the provider held 21 calls of a 20-per-second quota.
     */
    @Test
    void aCallThatStartsLateHoldsBackTheNextOne() throws Exception {
        // A wide spacing, so an oversleeping test thread cannot let the next call through first.
        long spacing = TimeUnit.MILLISECONDS.toNanos(200);
        PublishGate gate = new PublishGate();
        gate.await(spacing);
        CompletableFuture<Long> next = CompletableFuture.supplyAsync(() -> {
            gate.await(spacing);
            return System.nanoTime();
        });
        Thread.sleep(30); // the stall under test (a descheduled thread), not a wait for an outcome
        gate.calling();
        long lateStart = System.nanoTime();

        long nextStart = next.get(5, TimeUnit.SECONDS);

        assertThat(nextStart - lateStart)
                .as("the next call waits one spacing after the late one started")
                .isGreaterThanOrEqualTo(spacing - TimeUnit.MILLISECONDS.toNanos(1));
    }
}
