package dev.hato.sms.receipt;

import dev.hato.sms.message.MessageStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The receipt path's meters; docs/operations.md lists them with their Prometheus names and alerts. */
@Component
class ReceiptMetrics {

    static final String EVENTS = "sms.receipts.events";
    static final String DELIVERED = "sms.messages.delivered";
    static final String UNDELIVERED = "sms.messages.undelivered";
    static final String UNKNOWN = "sms.messages.unknown";
    static final String TIME_TO_DELIVERY = "sms.delivery.time";
    static final String LAG = "sms.receipts.lag";
    static final String DLQ_DEPTH = "sms.receipts.dlq.depth";
    static final String SPEND = "sms.spend.usd";

    private final MeterRegistry registry;
    private final Counter delivered;
    private final Timer timeToDelivery;
    private final Timer lag;
    private final Counter spend;
    private final AtomicLong dlqDepth = new AtomicLong(-1);
    private final Map<String, Counter> events = new ConcurrentHashMap<>();

    ReceiptMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.delivered = registry.counter(DELIVERED);
        this.timeToDelivery = Timer.builder(TIME_TO_DELIVERY)
                .description("from accepted to the carrier's delivered receipt")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(72))
                .register(registry);
        this.lag = Timer.builder(LAG)
                .description("from the provider's event to its handling here")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.spend = Counter.builder(SPEND)
                .description("price of the messages the provider reported")
                .register(registry);
        registry.gauge(DLQ_DEPTH, dlqDepth, AtomicLong::doubleValue);
    }

    void event(String result) {
        // Once per receipt: the counter of each result is looked up once, not built again per event.
        events.computeIfAbsent(result, r -> registry.counter(EVENTS, "result", r))
                .increment();
    }

    void outcome(MessageStatus status, String carrierStatus, @Nullable Duration sinceAccepted) {
        switch (status) {
            case DELIVERED -> {
                delivered.increment();
                if (sinceAccepted != null) {
                    timeToDelivery.record(sinceAccepted);
                }
            }
            case UNDELIVERED ->
                registry.counter(UNDELIVERED, "reason", reason(carrierStatus)).increment();
            case UNKNOWN -> registry.counter(UNKNOWN, "reason", "provider").increment();
            default -> {}
        }
    }

    void timedOut(int count) {
        registry.counter(UNKNOWN, "reason", "final-after").increment(count);
    }

    void lag(Duration lag) {
        this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void spend(BigDecimal usd) {
        spend.increment(usd.doubleValue());
    }

    void dlqDepth(long depth) {
        dlqDepth.set(depth);
    }

    /** TEXT_BLOCKED -> blocked: a bounded tag (the event types AWS defines). */
    static String reason(String carrierStatus) {
        String reason = carrierStatus.startsWith("TEXT_") ? carrierStatus.substring(5) : carrierStatus;
        return ReceiptEvents.UNDELIVERED.contains(carrierStatus) ? reason.toLowerCase(Locale.ROOT) : "other";
    }
}
