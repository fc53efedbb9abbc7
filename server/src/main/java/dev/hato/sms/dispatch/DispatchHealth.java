package dev.hato.sms.dispatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health of delivery, as two components: the provider as seen through recent calls, and the dispatcher. */
final class DispatchHealth {

    /** This many transient failures in a row, and the provider counts as down. */
    static final int OUTAGE_AFTER = 20;

    private DispatchHealth() {}

    static HealthIndicator provider(SmsProvider provider, ObjectProvider<Dispatcher> dispatcher) {
        return () -> {
            Dispatcher running = dispatcher.getIfAvailable();
            Health.Builder health = Health.up().withDetail("provider", provider.name());
            if (running == null) {
                return health.withDetail("calls", "none: dispatch is disabled on this instance")
                        .build();
            }
            DispatchMetrics metrics = running.metrics();
            int failures = metrics.consecutiveTransientFailures();
            if (failures >= OUTAGE_AFTER || metrics.consecutiveOutages() > 0) {
                health = Health.down().withDetail("provider", provider.name());
            }
            return health.withDetail("consecutive_transient_failures", failures)
                    .withDetail("consecutive_outage_answers", metrics.consecutiveOutages())
                    .withDetail("last_success", String.valueOf(metrics.lastSuccess()))
                    .withDetail("last_error", String.valueOf(metrics.lastError()))
                    .build();
        };
    }

    static HealthIndicator dispatcher(
            ObjectProvider<Dispatcher> dispatcher, QueueMonitor queue, DispatchProperties properties) {
        return () -> {
            Dispatcher running = dispatcher.getIfAvailable();
            Health.Builder health = running == null
                    ? Health.up().withDetail("enabled", false)
                    : (running.isRunning() ? Health.up() : Health.outOfService()).withDetail("enabled", true);
            return health.withDetail("rate_per_second", properties.ratePerSecond())
                    .withDetail("queue_depth", queue.depth())
                    .withDetail("oldest_queued_age_seconds", queue.oldestAgeSeconds())
                    .build();
        };
    }
}
