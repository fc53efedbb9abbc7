package dev.hato.sms.message;

import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Send limits that hold across instances without a database round trip per send. Each instance
 * decides from the last shared total it read plus what it counted itself since (in memory), and every
 * {@code sms.limits.sync-interval} adds its new counts to the shared ones in PostgreSQL and reads the
 * others' back, in one statement. Bound: a limit can be exceeded by at most what the other instances
 * accepted for the same key within one sync interval; on one instance it is exact.
 */
@Component
class SendLimits {

    enum Limit {
        USER_MINUTE("send-rate-limited", "Too many messages from this staff member in one minute"),
        DESTINATION_HOUR("destination-rate-limited", "Too many messages to this number in one hour"),
        DAILY_SEGMENTS("daily-segment-limit", "The service's daily segment limit is reached");

        final String type;
        final String title;

        Limit(String type, String title) {
            this.type = type;
            this.title = title;
        }
    }

    /** What one accepted send holds until its transaction ends. */
    record Reservation(List<Part> parts) {
        static final Reservation NONE = new Reservation(List.of());
    }

    record Part(String key, long amount) {}

    private static final class Window {
        final long limit;
        final Instant end;
        long shared;
        long syncing;
        long unsynced;
        long pending;

        Window(long limit, Instant end) {
            this.limit = limit;
            this.end = end;
        }

        long used() {
            return shared + syncing + unsynced + pending;
        }
    }

    private final JdbcClient jdbc;
    private final long perUserPerMinute;
    private final long perDestinationPerHour;
    private final long dailySegments;
    private final LimitProperties properties;
    private final MeterRegistry registry;
    private final Map<String, Window> windows = new HashMap<>();

    SendLimits(
            JdbcClient jdbc,
            LimitProperties properties,
            MeterRegistry registry,
            @Value("${sms.provider:sandbox}") String provider) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.registry = registry;
        boolean sns = provider.equals("sns");
        this.perUserPerMinute = effective(properties.perUserPerMinute(), sns, 0);
        this.perDestinationPerHour = effective(properties.perDestinationPerHour(), sns, 1);
        this.dailySegments = effective(properties.dailySegments(), sns, 2);
    }

    private static long effective(Number configured, boolean sns, int index) {
        return configured != null ? configured.longValue() : sns ? LimitProperties.SNS_DEFAULTS[index] : 0;
    }

    /** Counts one send, or refuses it with 429 (its own problem type and Retry-After) when a limit is reached. */
    Reservation reserve(long staffId, String e164, int segments) {
        if (perUserPerMinute == 0 && perDestinationPerHour == 0 && dailySegments == 0) {
            return Reservation.NONE;
        }
        Instant now = Instant.now();
        List<Part> parts = new ArrayList<>(3);
        synchronized (windows) {
            List<Window> touched = new ArrayList<>(3);
            if (perUserPerMinute > 0) {
                Instant start = now.truncatedTo(ChronoUnit.MINUTES);
                check(
                        Limit.USER_MINUTE,
                        "u:" + staffId + ":" + start.getEpochSecond(),
                        perUserPerMinute,
                        start.plusSeconds(60),
                        1,
                        now,
                        parts,
                        touched);
            }
            if (perDestinationPerHour > 0) {
                Instant start = now.truncatedTo(ChronoUnit.HOURS);
                check(
                        Limit.DESTINATION_HOUR,
                        "d:" + e164 + ":" + start.getEpochSecond(),
                        perDestinationPerHour,
                        start.plusSeconds(3600),
                        1,
                        now,
                        parts,
                        touched);
            }
            if (dailySegments > 0) {
                LocalDate day = LocalDate.ofInstant(now, properties.dayZone());
                check(
                        Limit.DAILY_SEGMENTS,
                        "s:" + day,
                        dailySegments,
                        day.plusDays(1).atStartOfDay(properties.dayZone()).toInstant(),
                        segments,
                        now,
                        parts,
                        touched);
            }
            for (int i = 0; i < parts.size(); i++) {
                touched.get(i).pending += parts.get(i).amount();
            }
        }
        return new Reservation(parts);
    }

    private void check(
            Limit limit,
            String key,
            long max,
            Instant end,
            long amount,
            Instant now,
            List<Part> parts,
            List<Window> touched) {
        Window window = windows.computeIfAbsent(key, k -> new Window(max, end));
        if (window.used() + amount > max) {
            Counter.builder("sms.limits.refused")
                    .description("Sends refused by a send limit")
                    .tag("limit", limit.type)
                    .register(registry)
                    .increment();
            throw new LimitReached(limit, max, Duration.between(now, end));
        }
        parts.add(new Part(key, amount));
        touched.add(window);
    }

    /**
     * Counts one send for the transaction in progress: kept when it commits, given back when it rolls
     * back. Refuses with 429 when a limit is reached.
     */
    void reserveForThisTransaction(long staffId, String e164, int segments) {
        Reservation reservation = reserve(staffId, e164, segments);
        if (reservation.parts().isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed(reservation);
                } else {
                    released(reservation);
                }
            }
        });
    }

    /** The send committed: its counts become real. */
    void committed(Reservation reservation) {
        synchronized (windows) {
            for (Part part : reservation.parts()) {
                Window window = windows.get(part.key());
                if (window != null) {
                    window.pending -= part.amount();
                    window.unsynced += part.amount();
                }
            }
        }
    }

    /** The send rolled back: it never happened. */
    void released(Reservation reservation) {
        synchronized (windows) {
            for (Part part : reservation.parts()) {
                Window window = windows.get(part.key());
                if (window != null) {
                    window.pending -= part.amount();
                }
            }
        }
    }

    /** Adds this instance's new counts to the shared ones and reads everyone's totals back. */
    @Scheduled(fixedDelayString = "${sms.limits.sync-interval:1s}")
    void sync() {
        List<String> keys = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        List<Long> expiries = new ArrayList<>();
        Instant now = Instant.now();
        synchronized (windows) {
            windows.entrySet().removeIf(e -> !e.getValue().end.isAfter(now) && e.getValue().pending == 0);
            windows.forEach((key, window) -> {
                window.syncing = window.unsynced;
                window.unsynced = 0;
                keys.add(key);
                deltas.add(window.syncing);
                expiries.add(window.end.getEpochSecond());
            });
        }
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Long> totals = new HashMap<>();
        try {
            jdbc.sql("""
                            insert into send_counters (key, count, expires_at)
                            select k, c, to_timestamp(e) from unnest(?::varchar[], ?::bigint[], ?::bigint[]) as t (k, c, e)
                            on conflict (key) do update set count = send_counters.count + excluded.count
                            returning key, count""")
                    .params(keys.toArray(String[]::new), deltas.toArray(Long[]::new), expiries.toArray(Long[]::new))
                    .query((rs, i) -> totals.put(rs.getString(1), rs.getLong(2)))
                    .list();
        } catch (RuntimeException e) {
            synchronized (windows) {
                windows.values().forEach(w -> {
                    w.unsynced += w.syncing;
                    w.syncing = 0;
                });
            }
            if (!Failures.isDatabaseUnavailable(e)) {
                throw e;
            }
            return; // counted again at the next sync
        }
        synchronized (windows) {
            totals.forEach((key, total) -> {
                Window window = windows.get(key);
                if (window != null) {
                    window.shared = total;
                    window.syncing = 0;
                }
            });
        }
    }

    @Scheduled(fixedDelay = 600_000)
    void forgetExpired() {
        jdbc.sql("delete from send_counters where expires_at < now()").update();
    }

    static final class LimitReached extends ApiProblem {
        private final long retryAfterSeconds;

        LimitReached(Limit limit, long max, Duration retryAfter) {
            super(
                    HttpStatus.TOO_MANY_REQUESTS,
                    limit.type,
                    limit.title,
                    limit.title + " (limit " + max + "); try again in " + seconds(retryAfter) + " s");
            this.retryAfterSeconds = seconds(retryAfter);
        }

        private static long seconds(Duration d) {
            return Math.max(1, (d.toMillis() + 999) / 1000);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }
}
