package dev.hato.sms.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
    private final AtomicInteger consecutiveTransient = new AtomicInteger();
    private volatile Instant lastSuccess;
    private volatile String lastError;

    DispatchMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
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

    void retried() {
        retried.increment();
    }

    void providerCall(long nanos, SmsProvider.Outcome outcome) {
        if (outcome instanceof SmsProvider.Outcome.Sent) {
            lastSuccess = Instant.now();
            consecutiveTransient.set(0);
        } else {
            String code = outcome instanceof SmsProvider.Outcome.Transient t
                    ? t.code()
                    : ((SmsProvider.Outcome.Permanent) outcome).code();
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
