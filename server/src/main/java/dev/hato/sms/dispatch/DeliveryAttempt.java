package dev.hato.sms.dispatch;

import dev.hato.sms.message.Outbox;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One publish of one claimed message, and the status transition its outcome calls for. */
final class DeliveryAttempt {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

    private final Outbox outbox;
    private final SmsProvider provider;
    private final DispatchMetrics metrics;
    private final Backoff backoff;
    private final int maxAttempts;
    private final Duration recordFor;
    private final BooleanSupplier running;
    private final BiConsumer<String, String> providerOptOuts;

    /**
     * @param providerOptOuts adds a number the provider reports opted out (and the provider's code) to
     *     the suppression list
     * @param recordFor how long an outcome that cannot be written (database unreachable) is retried; the
     *     lease outlasts it, so another instance does not publish the message again meanwhile
     */
    DeliveryAttempt(
            Outbox outbox,
            SmsProvider provider,
            DispatchMetrics metrics,
            Backoff backoff,
            int maxAttempts,
            Duration recordFor,
            BooleanSupplier running,
            BiConsumer<String, String> providerOptOuts) {
        this.outbox = outbox;
        this.provider = provider;
        this.metrics = metrics;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.recordFor = recordFor;
        this.running = running;
        this.providerOptOuts = providerOptOuts;
    }

    /** @param calling runs right before the provider call (the publish gate's record of when it started) */
    void deliver(Outbox.Claimed message, Runnable calling) {
        long started = System.nanoTime();
        SmsProvider.Outcome outcome;
        try {
            calling.run();
            outcome = provider.publish(new SmsProvider.OutboundSms(
                    message.id(), message.phoneNumberE164(), message.body(), message.segments()));
        } catch (RuntimeException e) {
            outcome = new SmsProvider.Outcome.Transient("ClientError", e.toString());
        }
        metrics.providerCall(System.nanoTime() - started, outcome);
        long deadline = System.nanoTime() + recordFor.toNanos();
        for (int tries = 1; ; tries++) {
            try {
                record(message, outcome);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    // The publish happened; the lease will requeue it, which may send it twice (at-least-once).
                    log.error("Could not record the outcome of message {}: {}", message.id(), e.toString());
                    return;
                }
                if (tries == 1) {
                    log.warn("Outcome of message {} not recorded yet, retrying: {}", message.id(), e.toString());
                }
                sleep(running.getAsBoolean() ? 250 : 50);
            }
        }
    }

    private void record(Outbox.Claimed message, SmsProvider.Outcome outcome) {
        if (outcome instanceof SmsProvider.Outcome.Sent sent) {
            double latency = outbox.markSent(message, sent.providerMessageId());
            if (latency >= 0) {
                metrics.sent(latency);
            }
        } else if (outcome instanceof SmsProvider.Outcome.Permanent permanent) {
            logDetail(message, permanent.code(), permanent.detail());
            if (permanent.optedOut()) {
                // Recorded before the failure: a crash in between fails the message on its next attempt.
                providerOptOuts.accept(message.phoneNumberE164(), permanent.code());
                outbox.fail(message, forStaff(permanent.code(), "the number opted out with the provider"));
                metrics.optedOut();
            } else {
                outbox.fail(
                        message, forStaff(permanent.code(), "the provider refused this message; it is not sent again"));
                metrics.failed(true);
            }
        } else if (outcome instanceof SmsProvider.Outcome.Outage outage) {
            logDetail(message, outage.code(), outage.detail());
            outbox.postpone(
                    message,
                    metrics.outagePause(),
                    forStaff(outage.code(), "the provider refused this service's access; sending is paused"));
        } else if (outcome instanceof SmsProvider.Outcome.Transient transientError) {
            log.info(
                    "Message {} not sent this time: {}: {}",
                    message.id(),
                    transientError.code(),
                    transientError.detail());
            String error = forStaff(transientError.code(), "the provider did not take it this time");
            if (message.attempts() >= maxAttempts) {
                outbox.fail(message, "gave up after " + message.attempts() + " attempts; last error " + error);
                metrics.failed(false);
            } else {
                outbox.retryLater(message, backoff.after(message.attempts()), error);
                metrics.retried();
            }
        }
    }

    /**
     * What staff read of a failure (the message's last_error and events): a stable code and a short
     * message. The provider's own text can name the AWS account and role, and a Java exception's can
     * name hosts and classes: it goes to the log only.
     */
    static String forStaff(String code, String meaning) {
        String stable = code.matches("[A-Za-z0-9_.-]{1,64}") ? code : "ProviderError";
        return stable + ": " + meaning;
    }

    private static void logDetail(Outbox.Claimed message, String code, String detail) {
        log.warn("Message {} not sent: {}: {}", message.id(), code, detail);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
