package dev.hato.sms.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The delivery figures an operator watches; names are listed in docs/operations.md. */
class DispatchMetrics {

    private final MeterRegistry registry;
    private final String provider;
    private final Counter sent;
    private final Timer deliveryLatency;
    private final Timer rateLimiterWait;
    private final Counter failedPermanent;
    private final Counter failedExhausted;
    private final Counter retried;
    private final Counter failedOptedOut;
    private final AtomicInteger consecutiveTransient = new AtomicInteger();
    private final AtomicInteger consecutiveOutages = new AtomicInteger();
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant lastSuccess;
    private volatile String lastError;

    DispatchMetrics(MeterRegistry registry, String provider, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.provider = provider;
        this.sent = Counter.builder(SmsMetricNames.SENT)
                .description("Messages the provider accepted")
                .register(registry);
        this.deliveryLatency = Timer.builder(SmsMetricNames.DELIVERY_LATENCY)
                .description("Accepted (stored) to sent (provider accepted)")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.rateLimiterWait = Timer.builder(SmsMetricNames.RATE_LIMITER_WAIT)
                .description("Time a claimed message waited for its quota slot")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        this.failedPermanent = failedCounter(SmsMetricNames.PERMANENT);
        this.failedExhausted = failedCounter(SmsMetricNames.EXHAUSTED);
        this.failedOptedOut = failedCounter(SmsMetricNames.OPTED_OUT);
        this.retried = Counter.builder(SmsMetricNames.RETRIED)
                .description("Transient provider failures that were rescheduled")
                .register(registry);
    }

    private Counter failedCounter(String reason) {
        return Counter.builder(SmsMetricNames.FAILED)
                .description("Messages that ended failed: permanent provider error, or retries exhausted")
                .tag(SmsMetricNames.REASON, reason)
                .register(registry);
    }

    void sent(double latencySeconds) {
        sent.increment();
        deliveryLatency.record((long) (latencySeconds * 1e9), TimeUnit.NANOSECONDS);
    }

    void failed(boolean permanent) {
        (permanent ? failedPermanent : failedExhausted).increment();
    }

    void optedOut() {
        failedOptedOut.increment();
    }

    void retried() {
        retried.increment();
    }

    void providerCall(long nanos, SmsProvider.Outcome outcome) {
        if (outcome instanceof SmsProvider.Outcome.Sent) {
            lastSuccess = clock.instant();
            consecutiveTransient.set(0);
            consecutiveOutages.set(0);
        } else {
            String code = outcome instanceof SmsProvider.Outcome.Transient t
                    ? t.code()
                    : outcome instanceof SmsProvider.Outcome.Permanent p
                            ? p.code()
                            : ((SmsProvider.Outcome.Outage) outcome).code();
            if (outcome instanceof SmsProvider.Outcome.Outage) {
                int outages = consecutiveOutages.incrementAndGet();
                Instant until = clock.instant().plus(outagePause(outages));
                if (until.isAfter(pausedUntil)) {
                    pausedUntil = until;
                }
            }
            lastError = code;
            if (outcome instanceof SmsProvider.Outcome.Transient) {
                consecutiveTransient.incrementAndGet();
            }
            Counter.builder(SmsMetricNames.PROVIDER_ERRORS)
                    .description("Provider errors by the provider's error code")
                    .tag("code", code)
                    .register(registry)
                    .increment();
        }
        Timer.builder(SmsMetricNames.PROVIDER_LATENCY)
                .description("One provider publish call")
                .tag("provider", provider)
                .tag("outcome", outcome.getClass().getSimpleName().toLowerCase())
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How long delivery pauses after an outage answer: 1 s doubling up to 60 s while it lasts. */
    Duration outagePause() {
        return outagePause(Math.max(1, consecutiveOutages.get()));
    }

    private static Duration outagePause(int outages) {
        return Duration.ofMillis(Math.min(60_000L, 1000L << Math.min(6, outages - 1)));
    }

    /** True while the provider refuses everyone (credentials): nothing is claimed until the pause ends. */
    boolean paused() {
        return consecutiveOutages.get() > 0 && clock.instant().isBefore(pausedUntil);
    }

    /** Outage answers in a row (credentials): any means the provider is unusable right now. */
    int consecutiveOutages() {
        return consecutiveOutages.get();
    }

    /** Provider calls that failed transiently in a row: a long run means the provider is down. */
    int consecutiveTransientFailures() {
        return consecutiveTransient.get();
    }

    Instant lastSuccess() {
        return lastSuccess;
    }

    String lastError() {
        return lastError;
    }

    void rateLimiterWait(long nanos) {
        rateLimiterWait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
