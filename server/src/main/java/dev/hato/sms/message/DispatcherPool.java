package dev.hato.sms.message;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's own small connection pool: it never waits behind web requests for a connection,
 * and web requests never wait behind it. (Deliberately not a DataSource bean, which would replace the
 * application's own.) It belongs to the outbox, whose dispatcher bean runs on it; the rate limiter
 * shares it.
 */
public final class DispatcherPool implements DisposableBean {

    private final HikariDataSource dataSource;

    DispatcherPool(String url, String username, String password, int size) {
        dataSource = new HikariDataSource();
        dataSource.setPoolName("dispatch");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(size);
        dataSource.setMinimumIdle(1);
        dataSource.setConnectionTimeout(5_000);
        dataSource.setValidationTimeout(2_000);
        // The dispatcher starts even while the database is down, and connects when it comes back.
        dataSource.setInitializationFailTimeout(-1);
    }

    /** For the dispatcher's other statements (the shared rate limit). */
    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void destroy() {
        dataSource.close();
    }
}
