package dev.hato.sms.message;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the console's dashboard, from the messages of all instances. Computed at most once
 * per {@link #FRESH_FOR} per instance however many dashboards are open: counting a day of messages is
 * the costliest read the console makes (an index range scan over today's rows).
 */
@Component
class MessageStats {

    static final Duration FRESH_FOR = Duration.ofSeconds(3);

    /**
     * Today's messages by status, the queue, and SMS per minute over the last hour (oldest minute first);
     * today's delivered share and spend (against the budget, when one is set); accepted-to-delivered
     * over the last hour's delivered messages (a day's would mean sorting up to millions of rows).
     */
    record Stats(
            OffsetDateTime sampledAt,
            OffsetDateTime dayStart,
            Map<String, Long> today,
            long queueDepth,
            double oldestQueuedAgeSeconds,
            List<Minute> perMinute,
            @Nullable Double deliveredShare,
            BigDecimal spendUsd,
            @Nullable BigDecimal budgetUsd,
            @Nullable Double deliveryP50Seconds,
            @Nullable Double deliveryP95Seconds) {}

    record Minute(OffsetDateTime minute, long accepted, long sent, long failed) {}

    private final JdbcClient jdbc;
    private final LimitProperties limits;
    private final Outbox outbox;
    private final Clock clock;
    private final AtomicReference<@Nullable Stats> cached = new AtomicReference<>();

    MessageStats(JdbcClient jdbc, LimitProperties limits, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    Stats current() {
        Stats stats = cached.get();
        Instant now = clock.instant();
        if (stats != null && stats.sampledAt().toInstant().plus(FRESH_FOR).isAfter(now)) {
            return stats;
        }
        Stats fresh = compute(now);
        cached.set(fresh);
        return fresh;
    }

    private Stats compute(Instant now) {
        OffsetDateTime dayStart = LocalDate.ofInstant(now, limits.dayZone())
                .atStartOfDay(limits.dayZone())
                .toOffsetDateTime();
        Map<String, Long> today = new LinkedHashMap<>();
        for (MessageStatus status : MessageStatus.values()) {
            today.put(status.name().toLowerCase(Locale.ROOT), 0L);
        }
        BigDecimal[] spend = {BigDecimal.ZERO};
        jdbc.sql("select status, count(*), sum(price_usd) from messages where created_at >= ? group by status")
                .param(dayStart)
                .query(rs -> {
                    today.put(rs.getString(1), rs.getLong(2));
                    if (rs.getBigDecimal(3) != null) {
                        spend[0] = spend[0].add(rs.getBigDecimal(3));
                    }
                });
        long accepted = MessageStatus.PROVIDER_ACCEPTED.stream()
                .mapToLong(s -> today.get(s.value()))
                .sum();
        long finished = accepted - today.get(MessageStatus.SENT.value());
        Double deliveredShare = finished == 0 ? null : today.get(MessageStatus.DELIVERED.value()) / (double) finished;
        Double[] delivery = {null, null};
        jdbc.sql("select percentile_cont(0.5) within group (order by extract(epoch from delivered_at - created_at)),"
                        + " percentile_cont(0.95) within group (order by extract(epoch from delivered_at - created_at))"
                        + " from messages where created_at >= ? and status = " + MessageStatus.DELIVERED.sql())
                .param(now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    delivery[0] = (Double) rs.getObject(1);
                    delivery[1] = (Double) rs.getObject(2);
                });
        Outbox.Depth queue = outbox.depth();
        OffsetDateTime hourAgo =
                now.minus(Duration.ofMinutes(59)).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        Map<OffsetDateTime, Minute> minutes = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            OffsetDateTime minute = hourAgo.plusMinutes(i);
            minutes.put(minute, new Minute(minute, 0, 0, 0));
        }
        jdbc.sql("select date_trunc('minute', created_at at time zone 'UTC'), count(*),"
                        + " count(*) filter (where status in "
                        + MessageStatus.sqlList(MessageStatus.PROVIDER_ACCEPTED) + "),"
                        + " count(*) filter (where status = " + MessageStatus.FAILED.sql() + ")"
                        + " from messages where created_at >= ? group by 1")
                .param(hourAgo)
                .query(rs -> {
                    OffsetDateTime minute = rs.getObject(1, LocalDateTime.class).atOffset(ZoneOffset.UTC);
                    minutes.put(minute, new Minute(minute, rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return new Stats(
                now.atOffset(ZoneOffset.UTC),
                dayStart,
                Collections.unmodifiableMap(today),
                queue.queued(),
                queue.oldestAgeSeconds(),
                List.copyOf(minutes.values()),
                deliveredShare,
                spend[0],
                limits.dailyBudgetUsd(),
                delivery[0],
                delivery[1]);
    }
}
