package dev.hato.sms.dispatch;

import dev.hato.sms.message.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers queued messages: claims a batch, reserves that many quota slots, publishes each message at
 * its slot (several provider calls in flight), and records the outcome. One loop thread per instance;
 * it sleeps until woken by a local send or the poll interval passes.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Outbox outbox;
    private final OptOuts optOuts;
    private final RateLimiter rateLimiter;
    private final SmsProvider provider;
    private final DispatchProperties properties;
    private final DeliveryAttempt attempt;
    private final DispatchMetrics metrics;
    private final Semaphore inFlight;
    private final Object wakeUp = new Object();
    private final List<Outbox.Claimed> waitingForSlot = new ArrayList<>();

    private volatile boolean running;
    private volatile boolean woken;
    private Thread loop;
    private ExecutorService publishers;
    private long lastReclaim;
    private final PublishGate publishGate = new PublishGate();

    public Dispatcher(
            Outbox outbox,
            RateLimiter rateLimiter,
            SmsProvider provider,
            DispatchProperties properties,
            MeterRegistry registry,
            OptOuts optOuts,
            Clock clock) {
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.rateLimiter = rateLimiter;
        this.provider = provider;
        this.properties = properties;
        this.metrics = new DispatchMetrics(registry, provider.name(), clock);
        this.attempt = new DeliveryAttempt(
                outbox,
                provider,
                metrics,
                new Backoff(properties.backoffBase(), properties.backoffMax()),
                properties.maxAttempts(),
                properties.leaseTimeout().dividedBy(2),
                this::isRunning,
                optOuts::reportedByProvider);
        this.inFlight = new Semaphore(properties.maxInFlight());
    }

    /** Called after a local send commits, so the message goes out without waiting for the poll. */
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        publishers = Executors.newFixedThreadPool(properties.maxInFlight(), r -> {
            Thread t = new Thread(r, "sms-publish");
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "sms-dispatcher");
        loop.setDaemon(true);
        loop.start();
        log.info(
                "Dispatcher started: provider {}, {} msg/s shared quota, {} in flight",
                provider.name(),
                properties.ratePerSecond(),
                properties.maxInFlight());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(properties.shutdownGrace().toMillis());
            publishers.shutdown();
            if (!publishers.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Provider calls still running at shutdown; their messages are reclaimed after the lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Dispatcher stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server has drained and stopped (its graceful shutdown runs at DEFAULT_PHASE -
     * 1024, the server itself stops at DEFAULT_PHASE - 2048): messages accepted during the drain still go
     * out, and publishes in flight finish or are handed back.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    DispatchMetrics metrics() {
        return metrics;
    }

    private void run() {
        while (running) {
            try {
                reclaimNowAndThen();
                if (!dispatchBatch()) {
                    idle();
                }
            } catch (RuntimeException e) {
                log.warn("Dispatch round failed; retrying shortly: {}", e.toString());
                sleep(properties.pollInterval());
            }
        }
    }

    /**
     * Claims and hands out one batch; true when the batch was full, so more may be waiting at once.
     * A smaller batch took everything due: the loop then sleeps until a send wakes it (a send during
     * this batch has already set the flag) or the poll interval passes, instead of claiming again at
     * once and finding nothing, which had cost one empty claim per message.
     */
    private boolean dispatchBatch() {
        if (metrics.paused()) {
            return false;
        }
        int capacity = Math.min(rateLimiter.maxBatch(properties.batchSize()), Math.max(1, inFlight.availablePermits()));
        List<Outbox.Claimed> claimed = outbox.claim(capacity, properties.leaseTimeout());
        boolean full = claimed.size() >= capacity;
        if (claimed.isEmpty()) {
            return false;
        }
        List<Outbox.Claimed> batch = withoutOptedOut(claimed);
        if (batch.isEmpty()) {
            return full;
        }
        // A slot per message, or per part where the provider meters parts: the batch's messages start at
        // the first slot of their share.
        int[] firstSlot = new int[batch.size()];
        int slots = 0;
        for (int i = 0; i < batch.size(); i++) {
            firstSlot[i] = slots;
            slots += provider.metersParts() ? Math.max(1, batch.get(i).segments()) : 1;
        }
        RateLimiter.Reservation reservation = rateLimiter.reserve(slots);
        long base = System.nanoTime();
        Duration lastSlot = reservation.slot(firstSlot[batch.size() - 1]);
        if (lastSlot.compareTo(properties.leaseTimeout().dividedBy(4)) > 0) {
            // Slots far ahead (many instances on a low quota): the lease must outlast the wait.
            outbox.extendLease(batch, lastSlot.plus(properties.leaseTimeout()));
        }
        synchronized (waitingForSlot) {
            waitingForSlot.addAll(batch);
        }
        for (int i = 0; i < batch.size(); i++) {
            Outbox.Claimed message = batch.get(i);
            long waited = waitUntil(base + reservation.slot(firstSlot[i]).toNanos());
            if (!running) {
                releaseUnsent();
                return false;
            }
            metrics.rateLimiterWait(waited);
            inFlight.acquireUninterruptibly();
            synchronized (waitingForSlot) {
                waitingForSlot.remove(message);
            }
            long spacing = reservation.spacing().toNanos();
            publishers.execute(() -> {
                try {
                    publishGate.await(spacing);
                    attempt.deliver(message, publishGate::calling);
                } finally {
                    inFlight.release();
                }
            });
        }
        return full;
    }

    /** A number that opted out after its message was accepted gets nothing: the message ends failed. */
    private List<Outbox.Claimed> withoutOptedOut(List<Outbox.Claimed> claimed) {
        var suppressed = optOuts.among(
                claimed.stream().map(Outbox.Claimed::phoneNumberE164).toList());
        if (suppressed.isEmpty()) {
            return claimed;
        }
        List<Outbox.Claimed> deliverable = new ArrayList<>();
        for (Outbox.Claimed message : claimed) {
            if (suppressed.contains(message.phoneNumberE164())) {
                outbox.fail(message, "opted-out: the number opted out after the message was accepted");
                metrics.optedOut();
            } else {
                deliverable.add(message);
            }
        }
        return deliverable;
    }

    private void releaseUnsent() {
        List<Outbox.Claimed> unsent;
        synchronized (waitingForSlot) {
            unsent = new ArrayList<>(waitingForSlot);
            waitingForSlot.clear();
        }
        outbox.release(unsent);
    }

    private void reclaimNowAndThen() {
        long now = System.nanoTime();
        if (now - lastReclaim > properties.leaseTimeout().toNanos() / 4) {
            lastReclaim = now;
            int reclaimed = outbox.reclaimExpired(properties.batchSize());
            if (reclaimed > 0) {
                log.warn("Reclaimed {} message(s) left in 'sending' by a stopped instance", reclaimed);
            }
        }
    }

    /**
     * Waits for a local send or the poll interval. Woken by a send, it then waits the gather delay:
     * sends arrive one by one, and a claim per message costs a statement, a commit and a lease each.
     */
    private void idle() {
        boolean byASend;
        synchronized (wakeUp) {
            if (!woken && running) {
                try {
                    wakeUp.wait(Math.max(1, properties.pollInterval().toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            byASend = woken;
            woken = false;
        }
        if (byASend && running && properties.gatherDelay().toMillis() > 0) {
            sleep(properties.gatherDelay());
        }
    }

    /** Sleeps until the given System.nanoTime() and returns how long that took. */
    private long waitUntil(long deadline) {
        long start = System.nanoTime();
        while (running) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            LockSupport.parkNanos(remaining);
        }
        return System.nanoTime() - start;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
