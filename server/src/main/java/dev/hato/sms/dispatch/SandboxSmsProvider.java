package dev.hato.sms.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends nothing. Records each message as LocalStack's SNS does, with configurable latency and
 * failure rates, so the whole pipeline and the load tests run without a cloud account.
 */
public class SandboxSmsProvider implements SmsProvider {

    /** One publish call as the provider saw it. */
    public record Published(
            long messageId, String phoneNumber, String message, int segments, String providerMessageId, Instant at) {}

    private static final Logger log = LoggerFactory.getLogger(SandboxSmsProvider.class);

    private final SandboxProperties properties;
    private final Deque<Published> recent = new ArrayDeque<>();
    private final AtomicLong calls = new AtomicLong();
    private volatile @Nullable Consumer<Published> listener;

    private final Clock clock;

    public SandboxSmsProvider(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Outcome publish(OutboundSms sms) {
        Instant at = clock.instant();
        calls.incrementAndGet();
        if (!properties.latency().isZero()) {
            try {
                Thread.sleep(
                        properties.latency().toMillis(), properties.latency().toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Transient("Interrupted", "sandbox call interrupted");
            }
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < properties.failureRate()) {
            return new Outcome.Permanent("InvalidParameter", "sandbox: simulated permanent failure");
        }
        if (roll < properties.failureRate() + properties.throttleRate()) {
            return new Outcome.Transient("Throttling", "sandbox: simulated throttling");
        }
        String id = UUID.randomUUID().toString();
        Published published = new Published(sms.messageId(), sms.phoneNumberE164(), sms.body(), sms.segments(), id, at);
        synchronized (recent) {
            recent.addLast(published);
            while (recent.size() > properties.retained()) {
                recent.removeFirst();
            }
        }
        log.debug("sandbox SMS {} to {}: {}", id, sms.phoneNumberE164(), sms.body());
        Consumer<Published> listener = this.listener;
        if (listener != null) {
            listener.accept(published);
        }
        return new Outcome.Sent(id);
    }

    /** The most recent successful publishes, oldest first. */
    public List<Published> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /** Told of every publish the sandbox accepts (the sandbox's delivery receipts start from here). */
    public void onPublished(Consumer<Published> listener) {
        this.listener = listener;
    }

    public long calls() {
        return calls.get();
    }
}
