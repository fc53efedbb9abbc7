package dev.hato.sms.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way tests wait for a message's outcome: the outbox settling (no message queued or sending),
 * or one message reaching a status over the API. Both fail on a timeout, saying what there was instead.
 */
public final class OpenMessages {

    private OpenMessages() {}

    /** Returns once no message is queued or sending, or fails after the timeout with the status counts. */
    public static void awaitNone(JdbcClient jdbc, Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> jdbc.sql("select count(*) from messages where status in ('queued', 'sending')")
                                    .query(Long.class)
                                    .single()
                            == 0);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("messages still open after " + timeout + ": " + statusCounts(jdbc));
        }
    }

    /** Returns the message's answer once its status is {@code status}, or fails with the status it had. */
    public static ApiClient.Response awaitStatus(ApiClient client, long id, String status, Duration timeout) {
        ApiClient.Response[] last = new ApiClient.Response[1];
        try {
            await().atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        last[0] = client.get("/api/sms/messages/" + id);
                        return status.equals(last[0].json().path("status").asString());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("message " + id + " did not become " + status + " within " + timeout
                    + "; last answer: " + (last[0] == null ? "none" : last[0].text()));
        }
        return last[0];
    }

    public static Map<String, Long> statusCounts(JdbcClient jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select status, count(*) from messages group by status")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }
}
