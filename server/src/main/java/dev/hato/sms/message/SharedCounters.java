package dev.hato.sms.message;

import dev.hato.sms.web.ClockSql;
import dev.hato.sms.web.Failures;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counters per time window, shared by every instance without a round trip per count. Each instance
 * decides from the last shared total it read plus what it counted itself since (in memory); every
 * {@code sms.limits.sync-interval} it adds its new counts to {@code send_counters} and reads everyone's
 * totals back, in one statement. The first time an instance uses a key it reads that key's shared total
 * before deciding (one statement for all of a send's new keys), so an instance that starts, or meets a
 * window, late in it does not start from 0. A window can still overshoot its limit by what the other
 * instances accept for the key between their last reads: docs/reliability.md states the bound.
 */
@Component
class SharedCounters {

    /** One window to count in: a key, its limit, when it ends, and how much this count adds. */
    record Count(String key, long limit, Instant end, long amount) {}

    private static final class Window {
        final Instant end;
        long shared;
        long syncing;
        long unsynced;
        long pending;

        Window(Instant end) {
            this.end = end;
        }

        long used() {
            return shared + syncing + unsynced + pending;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    SharedCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Holds all the counts, or none: returns null when they fit, otherwise the first that would pass
     * its limit. Held counts are pending until {@link #committed} or {@link #released}.
     */
    @Nullable
    Count hold(List<Count> counts) {
        List<String> unseen;
        synchronized (windows) {
            unseen = counts.stream()
                    .map(Count::key)
                    .filter(key -> !windows.containsKey(key))
                    .toList();
        }
        Map<String, Long> totals = unseen.isEmpty() ? Map.of() : sharedTotals(unseen);
        synchronized (windows) {
            for (Count count : counts) {
                Window window = windows.computeIfAbsent(count.key(), k -> new Window(count.end()));
                window.shared = Math.max(window.shared, totals.getOrDefault(count.key(), 0L));
                if (window.used() + count.amount() > count.limit()) {
                    return count;
                }
            }
            counts.forEach(count -> windows.get(count.key()).pending += count.amount());
        }
        return null;
    }

    /** Everyone's synced totals of these keys (absent: nobody counted in that window yet). */
    private Map<String, Long> sharedTotals(List<String> keys) {
        Map<String, Long> totals = new HashMap<>();
        jdbc.sql("select key, count from send_counters where key = any(?)")
                .param(keys.toArray(String[]::new))
                .query((rs, i) -> totals.put(rs.getString(1), rs.getLong(2)))
                .list();
        return totals;
    }

    /** The counted thing happened: the counts become real. */
    void committed(List<Count> counts) {
        synchronized (windows) {
            for (Count count : counts) {
                Window window = windows.get(count.key());
                if (window != null) {
                    window.pending -= count.amount();
                    window.unsynced += count.amount();
                }
            }
        }
    }

    /** It did not happen after all. */
    void released(List<Count> counts) {
        synchronized (windows) {
            for (Count count : counts) {
                Window window = windows.get(count.key());
                if (window != null) {
                    window.pending -= count.amount();
                }
            }
        }
    }

    /** Adds this instance's new counts to the shared ones and reads everyone's totals back. */
    @Scheduled(fixedDelayString = "${sms.limits.sync-interval:1s}")
    void sync() {
        List<String> keys = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Instant now = clock.instant();
        synchronized (windows) {
            windows.entrySet().removeIf(e -> !e.getValue().end.isAfter(now) && e.getValue().pending == 0);
            windows.forEach((key, window) -> {
                window.syncing = window.unsynced;
                window.unsynced = 0;
                keys.add(key);
                deltas.add(window.syncing);
                ends.add(window.end.getEpochSecond());
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
                    .params(keys.toArray(String[]::new), deltas.toArray(Long[]::new), ends.toArray(Long[]::new))
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
            return; // added again at the next sync
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
        jdbc.sql(ClockSql.of("delete from send_counters where expires_at < {now}"))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }
}
