package com.example.sms.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The delivery figures an operator watches; names are listed in docs/operations.md. */
class DispatchMetrics {

    private final MeterRegistry registry;
    private final String provider;
    private final Counter sent;
    private final Timer deliveryLatency;
    private final Timer rateLimiterWait;

    DispatchMetrics(MeterRegistry registry, String provider) {
        this.registry = registry;
        this.provider = provider;
        this.sent = Counter.builder("sms.messages.sent")
                .description("Messages the provider accepted")
                .register(registry);
        this.deliveryLatency = Timer.builder("sms.delivery.latency")
                .description("Accepted (stored) to sent (provider accepted)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.rateLimiterWait = Timer.builder("sms.dispatch.rate_limiter.wait")
                .description("Time a claimed message waited for its quota slot")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void sent(double latencySeconds) {
        sent.increment();
        deliveryLatency.record((long) (latencySeconds * 1e9), TimeUnit.NANOSECONDS);
    }

    void failed(String reason, String code) {
        Counter.builder("sms.messages.failed")
                .description("Messages that ended failed, by reason and provider error code")
                .tag("reason", reason)
                .tag("code", code)
                .register(registry)
                .increment();
    }

    void retried(String code) {
        Counter.builder("sms.messages.retried")
                .description("Transient provider failures that were rescheduled")
                .tag("code", code)
                .register(registry)
                .increment();
    }

    void providerCall(long nanos, SmsProvider.Outcome outcome) {
        Timer.builder("sms.provider.latency")
                .description("One provider publish call")
                .tag("provider", provider)
                .tag("outcome", outcome.getClass().getSimpleName().toLowerCase())
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void rateLimiterWait(long nanos) {
        rateLimiterWait.record(nanos, TimeUnit.NANOSECONDS);
    }
}
