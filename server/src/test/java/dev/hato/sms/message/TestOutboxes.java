package dev.hato.sms.message;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outboxes for tests that run a dispatcher without Spring (the service makes its two in {@code
 * OutboxConfig} only): on a test database, and optionally counting its claim statements.
 */
public final class TestOutboxes {

    private TestOutboxes() {}

    public static Outbox on(JdbcClient jdbc, Clock clock) {
        return new Outbox(jdbc, clock);
    }

    /** An outbox on {@code dataSource} that counts every claim statement it runs into {@code claims}. */
    public static Outbox countingClaims(DataSource dataSource, Clock clock, AtomicInteger claims) {
        DataSource counting = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, dataSource, args);
                    return result instanceof Connection connection ? counting(connection, claims) : result;
                });
        return new Outbox(JdbcClient.create(counting), clock);
    }

    private static Connection counting(Connection connection, AtomicInteger claims) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare")
                            && args != null
                            && args[0] instanceof String sql
                            && sql.contains("with claimed as")) {
                        claims.incrementAndGet();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
