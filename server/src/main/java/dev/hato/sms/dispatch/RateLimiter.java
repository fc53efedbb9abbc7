package dev.hato.sms.dispatch;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The provider quota, shared through PostgreSQL by every instance. A batch of n messages reserves n
 * slots spaced 1/rate apart from max(last reserved slot, now); the caller sends each message at its
 * slot, so no one-second window ever holds more than {@code rate} sends, however many instances run.
 * The last reserved slot is never taken as more than 10 s ahead of the database clock, so a clock
 * step (or a stale row) cannot make an instance hold messages past their lease.
 */
class RateLimiter {

    /** The first slot, as a delay from now on the database clock, and the spacing between slots. */
    record Reservation(Duration startsIn, Duration spacing, int slots) {

        Duration slot(int index) {
            return startsIn.plus(spacing.multipliedBy(index));
        }
    }

    private final JdbcClient jdbc;
    private final double ratePerSecond;
    private final Duration spacing;

    RateLimiter(JdbcClient jdbc, double ratePerSecond) {
        this.jdbc = jdbc;
        this.ratePerSecond = ratePerSecond;
        // 2 % under the quota: the provider sees calls after thread scheduling and network jitter, and a
        // call observed late must not let the next twenty land in one second (at 20/s: 20 ms of slack).
        this.spacing = Duration.ofNanos((long) Math.ceil(1_020_000_000d / ratePerSecond));
    }

    Reservation reserve(int slots) {
        double seconds = slots * spacing.toNanos() / 1e9;
        long startsInMicros =
                jdbc.sql("""
                        with now as (select clock_timestamp() as t),
                        slot as (
                          update dispatch_rate_limit
                          set tat = least(greatest(tat, (select t from now)), (select t from now) + interval '10 seconds')
                                    + make_interval(secs => :seconds)
                          where id = 1
                          returning tat - make_interval(secs => :seconds) as start
                        )
                        select (extract(epoch from (slot.start - now.t)) * 1000000)::bigint from slot, now""").param("seconds", seconds).query(Long.class).single();
        return new Reservation(Duration.ofNanos(Math.max(0, startsInMicros) * 1000), spacing, slots);
    }

    /** Most slots one batch may take: one second's worth, so a claimed batch never waits long. */
    int maxBatch(int configured) {
        return (int) Math.max(1, Math.min(configured, Math.floor(ratePerSecond)));
    }
}
