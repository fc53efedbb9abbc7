package dev.hato.sms.dispatch;

import dev.hato.sms.message.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records "sent" outcomes together (group commit): a publish that finishes while another thread is
 * writing outcomes queues its own, and the next writer takes every queued one in one statement and one
 * commit. Alone, an outcome is written at once, so nothing waits for company; under load the writes
 * (and their WAL flushes) per message go down.
 */
final class SentOutcomes {

    static final int MAX_BATCH = 100;

    private record Pending(Outbox.Claimed message, String providerMessageId, CompletableFuture<Double> done) {}

    private final Outbox outbox;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    SentOutcomes(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Writes the outcome (with those queued meanwhile): seconds from acceptance to sent, or -1 when the
     * message had moved on (another attempt). Throws what the database threw, for the caller to retry.
     */
    double markSent(Outbox.Claimed message, String providerMessageId) {
        Pending pending = new Pending(message, providerMessageId, new CompletableFuture<>());
        queue.add(pending);
        while (true) {
            if (writing.tryLock()) {
                try {
                    if (!pending.done().isDone()) {
                        writeQueued();
                    }
                } finally {
                    writing.unlock();
                }
            }
            try {
                return pending.done().get(2, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // another thread is writing; ours is in its batch or the next one
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void writeQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            batch.add(p);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<Long, Double> latencies = outbox.markAllSent(
                    batch.stream().map(Pending::message).toList(),
                    batch.stream().map(Pending::providerMessageId).toList());
            batch.forEach(
                    p -> p.done().complete(latencies.getOrDefault(p.message().id(), -1.0)));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }
}
