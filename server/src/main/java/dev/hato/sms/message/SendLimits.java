package dev.hato.sms.message;

import dev.hato.sms.web.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The guards against SMS pumping and mistakes ({@link LimitProperties}): sends per staff member per
 * minute, per destination per hour, segments per day for the service and per staff member. Counted in {@link SharedCounters}, so they hold
 * across instances with no round trip per send; a refusal is 429 with its own problem type and
 * Retry-After until the window ends.
 */
@Component
class SendLimits {

    private final SharedCounters counters;
    private final LimitProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final long perUserPerMinute;
    private final long perDestinationPerHour;
    private final long dailySegments;
    private final long perUserDailySegments;

    SendLimits(
            SharedCounters counters,
            LimitProperties properties,
            MeterRegistry registry,
            Clock clock,
            @Value("${sms.provider:sandbox}") String provider) {
        this.counters = counters;
        this.clock = clock;
        this.properties = properties;
        this.registry = registry;
        // The safe defaults guard real money: every provider but the sandbox sends real SMS.
        boolean real = !provider.equals("sandbox");
        this.perUserPerMinute = effective(properties.perUserPerMinute(), real, 0);
        this.perDestinationPerHour = effective(properties.perDestinationPerHour(), real, 1);
        this.dailySegments = effective(properties.dailySegments(), real, 2);
        this.perUserDailySegments = effective(properties.perUserDailySegments(), real, 3);
    }

    private static long effective(Number configured, boolean real, int index) {
        return configured != null ? configured.longValue() : real ? LimitProperties.SNS_DEFAULTS[index] : 0;
    }

    /**
     * Counts one send for the transaction in progress: kept when it commits, given back when it rolls
     * back. Refuses with 429 when a limit is reached.
     */
    void reserveForThisTransaction(long staffId, String e164, int segments) {
        Instant now = clock.instant();
        List<SharedCounters.Count> counts = counts(staffId, e164, segments, now);
        if (counts.isEmpty()) {
            return;
        }
        SharedCounters.Count full = counters.hold(counts);
        if (full != null) {
            ProblemType type = switch (full.key().substring(0, full.key().indexOf(':'))) {
                case "u" -> MessageProblems.SEND_RATE_LIMITED;
                case "d" -> MessageProblems.DESTINATION_RATE_LIMITED;
                case "us" -> MessageProblems.USER_DAILY_SEGMENT_LIMIT;
                default -> MessageProblems.DAILY_SEGMENT_LIMIT;
            };
            Counter.builder("sms.limits.refused")
                    .description("Sends refused by a send limit")
                    .tag("limit", type.slug())
                    .register(registry)
                    .increment();
            throw type.retryAfter(
                    type.title() + " (limit " + full.limit() + "); try again in {seconds} s",
                    Duration.between(now, full.end()));
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    counters.committed(counts);
                } else {
                    counters.released(counts);
                }
            }
        });
    }

    private List<SharedCounters.Count> counts(long staffId, String e164, int segments, Instant now) {
        List<SharedCounters.Count> counts = new ArrayList<>(4);
        if (perUserPerMinute > 0) {
            Instant start = now.truncatedTo(ChronoUnit.MINUTES);
            counts.add(new SharedCounters.Count(
                    "u:" + staffId + ":" + start.getEpochSecond(), perUserPerMinute, start.plusSeconds(60), 1));
        }
        if (perDestinationPerHour > 0) {
            Instant start = now.truncatedTo(ChronoUnit.HOURS);
            counts.add(new SharedCounters.Count(
                    "d:" + e164 + ":" + start.getEpochSecond(), perDestinationPerHour, start.plusSeconds(3600), 1));
        }
        LocalDate day = LocalDate.ofInstant(now, properties.dayZone());
        Instant end = day.plusDays(1).atStartOfDay(properties.dayZone()).toInstant();
        if (perUserDailySegments > 0) {
            counts.add(new SharedCounters.Count("us:" + staffId + ":" + day, perUserDailySegments, end, segments));
        }
        if (dailySegments > 0) {
            counts.add(new SharedCounters.Count("s:" + day, dailySegments, end, segments));
        }
        return counts;
    }
}
