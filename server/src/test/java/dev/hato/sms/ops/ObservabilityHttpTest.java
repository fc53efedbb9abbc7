package dev.hato.sms.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.dispatch.QueueMonitor;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.OpenMessages;
import dev.hato.sms.support.TestUsers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

class ObservabilityHttpTest extends LoggedInTest {

    @Autowired
    PostgresStats postgresStats;

    @Autowired
    QueueMonitor queueMonitor;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void prometheusShowsEveryNamedMetricWithSensibleValuesAfterASend() throws Exception {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        long id = api.send(phone, api.token(customer), customer, api.template(customer, "metrics"))
                .json()
                .path("id")
                .asLong();
        OpenMessages.awaitStatus(client, id, "sent", Duration.ofSeconds(10));
        postgresStats.sample();
        queueMonitor.sample();

        String scrape = client.get("/actuator/prometheus").text();

        assertThat(value(scrape, "sms_messages_accepted_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "sms_messages_sent_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "sms_messages_failed_total\\{[^}]*reason=\"permanent\"[^}]*}"))
                .isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "sms_messages_retried_total")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "sms_queue_depth")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "sms_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "sms_delivery_latency_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("sms_delivery_latency_seconds_bucket");
        assertThat(value(scrape, "sms_provider_latency_seconds_count\\{[^}]*outcome=\"sent\"[^}]*}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "sms_dispatch_rate_limiter_wait_seconds_count"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "http_server_requests_seconds_count\\{[^}]*uri=\"/api/sms/send\"[^}]*}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape).contains("http_server_requests_seconds_bucket{").contains("le=\"0.05\"");
        assertThat(value(scrape, "process_cpu_usage")).isBetween(0.0, 1.0);
        // Summed over the heap's pools: one of them alone (an eden just collected) can be 0.
        assertThat(total(scrape, "jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}"))
                .isPositive();
        assertThat(value(scrape, "hikaricp_connections_max")).isPositive();
        assertThat(value(scrape, "hikaricp_connections_pending")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "pg_connections\\{[^}]*state=\"idle\"[^}]*}")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "pg_connections_max")).isGreaterThanOrEqualTo(100);
        assertThat(value(scrape, "pg_database_deadlocks_total")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "pg_database_rollbacks_total")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "pg_database_commits_total")).isPositive();
        assertThat(value(scrape, "pg_database_temp_bytes_total")).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "pg_locks_waiting")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aDeadlockBetweenTwoTransactionsRaisesTheDeadlockCounter() throws Exception {
        jdbc.sql("create table if not exists deadlock_probe (id int primary key, v int)")
                .update();
        jdbc.sql("insert into deadlock_probe values (1, 0), (2, 0) on conflict do nothing")
                .update();
        postgresStats.sample();
        long before = postgresStats.snapshot().database().deadlocks();

        CountDownLatch bothLocked = new CountDownLatch(2);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> crossUpdate(1, 2, bothLocked));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> crossUpdate(2, 1, bothLocked));
        CompletableFuture.allOf(a, b).exceptionally(e -> null).join();
        postgresStats.sample();

        assertThat(List.of(a.isCompletedExceptionally(), b.isCompletedExceptionally()))
                .containsOnlyOnce(true);
        assertThat(postgresStats.snapshot().database().deadlocks()).isEqualTo(before + 1);
        String scrape = client.get("/actuator/prometheus").text();
        assertThat(value(scrape, "pg_database_deadlocks_total")).isEqualTo(before + 1);
    }

    @Test
    void metricsAndHealthDetailsAreNeverAnonymousOnThePublicPort() {
        ApiClient anonymous = client();

        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/ops/summary").status()).isEqualTo(401);
        ApiClient.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().has("components")).isFalse();
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/env").status()).isIn(401, 404);
    }

    @Override
    protected boolean asSuperuser() {
        return true;
    }

    @Test
    void staffWithoutTheSuperuserFlagCannotReadTheOperationsSummary() {
        ApiClient staff = client();
        assertThat(staff.login(testUsers.staff(), TestUsers.PASSWORD).status()).isEqualTo(200);

        ApiClient.Response summary = staff.get("/api/ops/summary");
        assertThat(summary.status()).isEqualTo(403);
        assertThat(summary.type()).isEqualTo("urn:sms:problem:forbidden");
        assertThat(staff.get("/api/sms/stats").status()).isEqualTo(200);
    }

    @Test
    void nonStaffUsersCannotLogInSoCannotReadOperatorFigures() {
        ApiClient user = client();
        assertThat(user.login(testUsers.nonStaff(), TestUsers.PASSWORD).status())
                .isEqualTo(401);

        assertThat(user.get("/api/ops/summary").status()).isEqualTo(401);
        assertThat(user.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(user.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void staffSeeHealthComponentsForDatabaseProviderAndDispatcher() {
        ApiClient.Response health = client.get("/actuator/health");

        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").has("db")).isTrue();
        assertThat(health.json()
                        .path("components")
                        .path("smsProvider")
                        .path("details")
                        .path("provider")
                        .asString())
                .isEqualTo("sandbox");
        assertThat(health.json()
                        .path("components")
                        .path("dispatcher")
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(health.json()
                        .path("components")
                        .path("postgres")
                        .path("details")
                        .path("pg_stat_statements")
                        .asString())
                .isEqualTo("available");
    }

    @Test
    void summaryHoldsTheCurrentFigures() {
        postgresStats.sample();

        ApiClient.Response summary = client.get("/api/ops/summary");

        assertThat(summary.status()).isEqualTo(200);
        for (String section : List.of("sms", "http", "jvm", "pool", "postgres")) {
            assertThat(summary.json().has(section)).as(section).isTrue();
        }
        assertThat(summary.json().path("sms").has("queue_depth")).isTrue();
        assertThat(summary.json().path("pool").path("max").asDouble()).isPositive();
        assertThat(summary.json().path("postgres").path("max_connections").asLong())
                .isPositive();
        assertThat(summary.json().path("postgres").path("statements_available").asBoolean())
                .isTrue();
        assertThat(summary.json().path("postgres").path("slowest_statements").isArray())
                .isTrue();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logLinesOfARequestCarryItsId(CapturedOutput output) {
        client().send(
                        "POST",
                        "/api/auth/login",
                        Map.of("username", "nobody-" + System.nanoTime(), "password", "x"),
                        Map.of("X-Request-Id", "login-trace-42"));

        assertThat(output.getOut().lines().filter(l -> l.contains("Login failed")))
                .isNotEmpty()
                .allMatch(l -> l.contains("[login-trace-42]"));
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() {
        ApiClient.Response generated = client().get("/api/auth/me");
        ApiClient.Response kept = client().send("GET", "/api/auth/me", null, Map.of("X-Request-Id", "trace-123.abc"));
        ApiClient.Response replaced = client().send("GET", "/api/auth/me", null, Map.of("X-Request-Id", "bad id!"));

        assertThat(generated.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(v -> assertThat(v).hasSize(36));
        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("trace-123.abc");
        assertThat(replaced.headers().firstValue("X-Request-Id"))
                .hasValueSatisfying(v -> assertThat(v).isNotEqualTo("bad id!"));
    }

    private void crossUpdate(int first, int second, CountDownLatch bothLocked) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("update deadlock_probe set v = v + 1 where id = " + first);
                bothLocked.countDown();
                bothLocked.await();
                statement.execute("update deadlock_probe set v = v + 1 where id = " + second);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new IllegalStateException(e);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every sample whose name (and labels) match. */
    private static double total(String scrape, String metric) {
        return samples(scrape, metric).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The value of the first sample whose name (and labels) match. */
    private static double value(String scrape, String metric) {
        return samples(scrape, metric).get(0);
    }

    private static List<Double> samples(String scrape, String metric) {
        Matcher matcher = Pattern.compile("(?m)^" + metric + "(\\{[^}]*})? ([0-9.eE+-]+|NaN)$")
                .matcher(scrape);
        List<Double> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(Double.parseDouble(matcher.group(2)));
        }
        assertThat(values).as(metric + " in the scrape").isNotEmpty();
        return values;
    }
}
