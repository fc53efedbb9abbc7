package dev.hato.sms.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.auth.Users;
import dev.hato.sms.dispatch.SandboxSmsProvider;
import dev.hato.sms.support.OpenMessages;
import dev.hato.sms.support.RestartablePostgres;
import dev.hato.sms.support.ServiceInstance;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A steady send load across a real PostgreSQL restart (pg_ctl stop in fast and immediate mode, then
 * start): during the outage every answer is 503 problem JSON within 2 s, the service recovers by itself,
 * and every accepted message is sent exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest {

    // One PostgreSQL and one instance for both modes: each mode's run restarts the database again, and
    // starting both afresh per mode would only repeat the setup.
    RestartablePostgres postgres;
    ConfigurableApplicationContext service;

    @BeforeAll
    void start() throws Exception {
        postgres = new RestartablePostgres();
        service = ServiceInstance.start(
                postgres.jdbcUrl(),
                null,
                "--sms.dispatch.rate-per-second=1000",
                "--sms.sandbox.retained=1000000",
                "--sms.dispatch.lease-timeout=20s",
                "--sms.security.login-throttle.max-failures-per-address=100000");
        service.getBean(Users.class)
                .create("restart", "", service.getBean(PasswordEncoder.class).encode("restart-password"), true, false);
    }

    @AfterAll
    void stop() throws Exception {
        try (RestartablePostgres database = postgres) {
            if (service != null) {
                service.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "immediate"})
    void aSteadyLoadRidesOutADatabaseRestart(String mode) throws Exception {
        String base = ServiceInstance.baseUrl(service);
        SteadySends load = new SteadySends(base, "restart", "restart-password", 4, 20);
        // The load runs until each phase has shown what it is about: sends accepted, then 503s while
        // the database is down, then sends accepted again after it came back.
        await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted.size() >= 20);
        int acceptedBefore = load.accepted.size();

        postgres.stop(mode);
        await().atMost(Duration.ofSeconds(60)).until(() -> load.unavailable.get() >= 8);
        postgres.start();
        int acceptedAtRestart = load.accepted.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> load.accepted.size() >= acceptedAtRestart + 20);
        load.close();
        System.out.println("database restart (" + mode + "): " + load.summary());

        assertThat(acceptedBefore).as("messages accepted before the outage").isPositive();
        assertThat(load.accepted.size()).as("accepted after the restart too").isGreaterThan(acceptedBefore);
        assertThat(load.unavailable.get()).as("503 answers during the outage").isPositive();
        assertThat(load.otherErrors.get()).as(String.join("\n", load.samples)).isZero();
        assertThat(load.notProblemJson.get()).isZero();
        assertThat(load.slowestErrorMillis.get()).isLessThan(2_000);

        JdbcClient jdbc = service.getBean(JdbcClient.class);
        OpenMessages.awaitNone(jdbc, Duration.ofSeconds(60));
        Map<Long, Long> publishes = service.getBean(SandboxSmsProvider.class).recent().stream()
                .collect(Collectors.groupingBy(SandboxSmsProvider.Published::messageId, Collectors.counting()));
        long lost =
                load.accepted.stream().filter(id -> !publishes.containsKey(id)).count();
        long duplicated = publishes.values().stream().filter(n -> n > 1).count();
        System.out.println("database restart (" + mode + "): accepted " + load.accepted.size() + ", lost " + lost
                + ", duplicated " + duplicated);
        publishes.forEach((id, n) -> {
            if (n > 1) {
                System.out.println("duplicated " + id + ": "
                        + jdbc.sql("select string_agg(status || ' ' || coalesce(detail, '') || ' @'"
                                        + " || to_char(created_at, 'HH24:MI:SS.MS'), ' | ' order by id)"
                                        + " from message_events where message_id = ?")
                                .param(id)
                                .query(String.class)
                                .single());
            }
        });
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
    }
}
