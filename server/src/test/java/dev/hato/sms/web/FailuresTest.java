package dev.hato.sms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

class FailuresTest {

    @Test
    void aUsernameCannotForgeLogLines() {
        assertThat(Failures.forLog("admin\n2026-11-27 INFO Login succeeded for user 'root'"))
                .doesNotContain("\n")
                .startsWith("admin?2026");
        assertThat(Failures.forLog("x".repeat(500))).hasSize(203);
    }

    @Test
    void connectionFailuresAndServerShutdownCountAsDatabaseUnavailable() {
        assertThat(Failures.isDatabaseUnavailable(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(Failures.isDatabaseUnavailable(
                        new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(Failures.isDatabaseUnavailable(new RuntimeException(new SQLException("bad syntax", "42601"))))
                .isFalse();
    }

    @Test
    void aPoolWithoutFreeConnectionsIsBusyNotADatabaseOutage() {
        var busy = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
        var down = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException(
                        "HikariPool-1 - Connection is not available",
                        "08001",
                        new SQLException("Connection refused", "08001")));

        assertThat(Failures.isPoolExhausted(busy)).isTrue();
        assertThat(Failures.isDatabaseUnavailable(busy)).isFalse();
        assertThat(Failures.isPoolExhausted(down)).isFalse();
        assertThat(Failures.isDatabaseUnavailable(down)).isTrue();
    }
}
