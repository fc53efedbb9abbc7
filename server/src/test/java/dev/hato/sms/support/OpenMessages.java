package dev.hato.sms.support;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Waits for the outbox to settle: no message left queued or sending. */
public final class OpenMessages {

    private OpenMessages() {}

    /** Returns once no message is queued or sending, or fails after the timeout with the status counts. */
    public static void awaitNone(JdbcClient jdbc, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long open = jdbc.sql("select count(*) from messages where status in ('queued', 'sending')")
                    .query(Long.class)
                    .single();
            if (open == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("messages still open after " + timeout + ": " + statusCounts(jdbc));
    }

    public static Map<String, Long> statusCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, count(*) from messages group by status")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
