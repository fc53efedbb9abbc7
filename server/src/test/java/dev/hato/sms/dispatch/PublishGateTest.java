package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishGateTest {

    private static final long SPACING = TimeUnit.MILLISECONDS.toNanos(51);

    @Test
    void callsLetThroughOneAfterAnotherAreAtLeastOneSpacingApart() {
        PublishGate gate = new PublishGate();
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            gate.await(SPACING);
            long now = System.nanoTime();
            if (i > 0) {
                assertThat(now - previous).isGreaterThanOrEqualTo(SPACING);
            }
            previous = now;
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
