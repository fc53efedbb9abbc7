package dev.hato.sms.dispatch;

import java.util.concurrent.locks.LockSupport;

/**
 * The last step before a provider call: never closer than one spacing to this instance's previous
 * call, so a late slot (a slow thread hand-off) cannot be caught up with a burst that would break
 * the provider's per-second quota.
 */
final class PublishGate {

    private long lastPublish = System.nanoTime() - 86_400_000_000_000L;

    synchronized void await(long spacingNanos) {
        long next = lastPublish + spacingNanos;
        for (long now = System.nanoTime(); now < next; now = System.nanoTime()) {
            LockSupport.parkNanos(next - now);
        }
        lastPublish = System.nanoTime();
    }
}
