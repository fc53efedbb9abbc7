package dev.hato.sms.dispatch;

import dev.hato.sms.message.Outbox;
import dev.hato.sms.web.Failures;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Samples the outbox on a schedule (not per scrape, so a busy Prometheus cannot load the database):
 * how many messages wait, and how long the oldest has waited.
 */
public class QueueMonitor {

    private final Outbox outbox;
    private volatile Outbox.Depth last = new Outbox.Depth(0, 0);

    QueueMonitor(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        Gauge.builder(SmsMetricNames.QUEUE_DEPTH, this, m -> m.last.queued())
                .description("Messages queued for delivery (due now or waiting for a retry)")
                .register(registry);
        Gauge.builder(SmsMetricNames.QUEUE_OLDEST_AGE, this, m -> m.last.oldestAgeSeconds())
                .description("Seconds since the oldest queued message was accepted")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${sms.ops.sample-interval:5s}")
    public void sample() {
        try {
            last = outbox.depth();
        } catch (RuntimeException e) {
            if (!Failures.isDatabaseUnavailable(e)) {
                throw e;
            }
            // The database is away; the last figures stay, and health and readiness say why.
        }
    }

    public long depth() {
        return last.queued();
    }

    public double oldestAgeSeconds() {
        return last.oldestAgeSeconds();
    }
}
