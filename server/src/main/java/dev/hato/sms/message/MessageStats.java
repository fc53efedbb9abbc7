package dev.hato.sms.message;

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

    /** Today's messages by status, the queue, and SMS per minute over the last hour (oldest minute first). */
    record Stats(
            OffsetDateTime sampledAt,
            OffsetDateTime dayStart,
            Map<String, Long> today,
            long queueDepth,
            double oldestQueuedAgeSeconds,
            List<Minute> perMinute) {}

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
        jdbc.sql("select status, count(*) from messages where created_at >= ? group by status")
                .param(dayStart)
                .query(rs -> {
                    today.put(rs.getString(1), rs.getLong(2));
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
                        + " count(*) filter (where status = " + MessageStatus.SENT.sql() + "),"
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
                List.copyOf(minutes.values()));
    }
}
