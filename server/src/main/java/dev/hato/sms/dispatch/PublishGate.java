package dev.hato.sms.dispatch;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The last step before a provider call: never closer than one spacing to this instance's previous
 * call, so a late slot (a slow thread hand-off) cannot be caught up with a burst that would break
 * the provider's per-second quota.
 *
 * <p>A thread can also stall after it leaves the gate and before its call starts (descheduled, a GC
 * pause): its call then lands late, close to the next one. So the caller reports the moment its call
 * starts ({@link #calling()}), and a thread still waiting in the gate measures its spacing from the
 * latest start, not from the earlier exit.
 */
final class PublishGate {

    private final AtomicLong lastCall = new AtomicLong(System.nanoTime() - 86_400_000_000_000L);

    /** Waits until one spacing after the latest call (started or let through), then lets one through. */
    synchronized void await(long spacingNanos) {
        for (long now = System.nanoTime(); now - lastCall.get() < spacingNanos; now = System.nanoTime()) {
            LockSupport.parkNanos(lastCall.get() + spacingNanos - now);
        }
        calling();
    }

    /** When the latest call was let through or started (System.nanoTime). */
    long lastCallNanos() {
        return lastCall.get();
    }

    /** Called right before the provider call: a call that starts late pushes the next one back. */
    void calling() {
        long now = System.nanoTime();
        lastCall.accumulateAndGet(now, (last, started) -> started - last > 0 ? started : last);
    }
}
