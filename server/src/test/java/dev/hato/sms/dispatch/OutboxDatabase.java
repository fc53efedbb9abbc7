package dev.hato.sms.dispatch;

import com.zaxxer.hikari.HikariDataSource;
import dev.hato.sms.message.Outbox;
import dev.hato.sms.message.TestOutboxes;
import dev.hato.sms.support.OpenMessages;
import dev.hato.sms.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrated database of its own for dispatcher tests, so no other dispatcher (such as the one in
 * the shared Spring test context) touches their messages.
 */
final class OutboxDatabase implements AutoCloseable {

    final String url;
    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    /** The clock of this database's outbox and dispatchers: the wall clock unless a test sets another. */
    Clock clock = Clock.systemUTC();

    private final long customerId;
    private final long userId;

    OutboxDatabase(String name) {
        url = TestDatabase.migratedCopy(name);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        jdbc = JdbcClient.create(dataSource);
        userId = jdbc.sql("insert into users (username) values ('dispatch-test') returning id")
                .query(Long.class)
                .single();
        customerId = jdbc.sql("insert into customers (phone_number, phone_number_e164) values ('09011112222',"
                        + " '+819011112222') returning id")
                .query(Long.class)
                .single();
    }

    /** Queues {@code count} messages whose bodies are "message N", N counting from 1. */
    void queue(int count) {
        queue(count, 1);
    }

    /** As {@link #queue(int)}, each of {@code segments} parts. */
    void queue(int count, int segments) {
        jdbc.sql("insert into messages (customer_id, phone_number_e164, body, encoding, segments, sent_by)"
                        + " select ?, '+819011112222', 'message ' || n, 'GSM-7', ?, ? from generate_series(1, ?) n")
                .params(customerId, segments, userId, count)
                .update();
    }

    Map<String, Long> statusCounts() {
        return OpenMessages.statusCounts(jdbc);
    }

    Dispatcher dispatcher(SmsProvider provider, DispatchProperties properties) {
        return dispatcher(provider, properties, OptOuts.NONE);
    }

    Dispatcher dispatcher(SmsProvider provider, DispatchProperties properties, OptOuts optOuts) {
        return dispatcher(outbox(), provider, properties, optOuts);
    }

    Dispatcher dispatcher(Outbox outbox, SmsProvider provider, DispatchProperties properties, OptOuts optOuts) {
        return new Dispatcher(
                outbox,
                new RateLimiter(jdbc, properties.ratePerSecond()),
                provider,
                properties,
                new SimpleMeterRegistry(),
                optOuts,
                clock);
    }

    /** An outbox on this database, on its clock. */
    Outbox outbox() {
        return TestOutboxes.on(jdbc, clock);
    }

    static DispatchProperties properties(double rate, int maxAttempts, Duration backoffBase, Duration lease) {
        return properties(rate, maxAttempts, backoffBase, lease, Duration.ofMillis(50), Duration.ofMillis(20));
    }

    static DispatchProperties properties(
            double rate, int maxAttempts, Duration backoffBase, Duration lease, Duration poll, Duration gather) {
        return new DispatchProperties(
                true,
                rate,
                maxAttempts,
                100,
                32,
                poll,
                lease,
                backoffBase,
                backoffBase.multipliedBy(10),
                Duration.ofSeconds(5),
                gather);
    }

    /** Waits until no message is queued or sending, or fails after the timeout. */
    void awaitSettled(Duration timeout) throws InterruptedException {
        OpenMessages.awaitNone(jdbc, timeout);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
