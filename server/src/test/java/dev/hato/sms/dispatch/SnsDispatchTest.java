package dev.hato.sms.dispatch;

import static dev.hato.sms.dispatch.SnsWireMock.error;
import static dev.hato.sms.dispatch.SnsWireMock.ok;
import static dev.hato.sms.dispatch.SnsWireMock.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hato.sms.support.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnsDispatchTest {

    OutboxDatabase db;
    SnsWireMock sns;
    SnsSmsProvider provider;
    Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        db = new OutboxDatabase("dispatch_sns");
        sns = new SnsWireMock();
        provider = new SnsSmsProvider(sns.properties());
    }

    @AfterEach
    void tearDown() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
        provider.close();
        sns.close();
        db.close();
    }

    @Test
    void publishCarriesNumberBodyAndSmsTypeAndStoresTheMessageId() throws Exception {
        sns.server.stubFor(publish().willReturn(ok()));
        db.queue(1);

        start(OutboxDatabase.properties(20, 3, Duration.ofMillis(50), Duration.ofSeconds(30)));
        db.awaitSettled(Duration.ofSeconds(10));

        LoggedRequest request = sns.publishes().get(0);
        Map<String, String> form = SnsWireMock.form(request);
        assertThat(form).containsEntry("PhoneNumber", "+819011112222").containsEntry("Message", "message 1");
        assertThat(form)
                .containsEntry("MessageAttributes.entry.1.Name", "AWS.SNS.SMS.SMSType")
                .containsEntry("MessageAttributes.entry.1.Value.StringValue", "Transactional");
        assertThat(request.getHeader("Authorization")).startsWith("AWS4-HMAC-SHA256");
        Map<String, Object> row = db.jdbc
                .sql("select status, attempts, provider_message_id from messages")
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "sent").containsEntry("attempts", 1);
        assertThat((String) row.get("provider_message_id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void throttlingThenSuccessEndsSentAfterTwoAttempts() throws Exception {
        sns.server.stubFor(publish()
                .inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(400, "Sender", "Throttling", "Rate exceeded"))
                .willSetStateTo("recovered"));
        sns.server.stubFor(publish()
                .inScenario("throttle")
                .whenScenarioStateIs("recovered")
                .willReturn(ok()));
        db.queue(1);

        start(OutboxDatabase.properties(20, 3, Duration.ofMillis(50), Duration.ofSeconds(30)));
        db.awaitSettled(Duration.ofSeconds(10));

        assertThat(db.jdbc
                        .sql("select status || '/' || attempts from messages")
                        .query(String.class)
                        .single())
                .isEqualTo("sent/2");
        assertThat(db.jdbc
                        .sql("select string_agg(status, ',' order by id) from message_events")
                        .query(String.class)
                        .single())
                .isEqualTo("sending,queued,sending,sent");
    }

    @Test
    void invalidParameterFailsAfterOneAttempt() throws Exception {
        sns.server.stubFor(
                publish().willReturn(error(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber")));
        db.queue(1);

        start(OutboxDatabase.properties(20, 5, Duration.ofMillis(50), Duration.ofSeconds(30)));
        db.awaitSettled(Duration.ofSeconds(10));

        Map<String, Object> row = db.jdbc
                .sql("select status, attempts, last_error from messages")
                .query()
                .singleRow();
        assertThat(row).containsEntry("status", "failed").containsEntry("attempts", 1);
        assertThat((String) row.get("last_error")).startsWith("InvalidParameter");
        assertThat(sns.publishes()).hasSize(1);
    }

    @Test
    void theProvidersErrorTextNeverReachesStaffOnlyItsCode() throws Exception {
        String secret = "User: arn:aws:sts::123456789012:assumed-role/hato-task/abc is not authorized";
        sns.server.stubFor(publish().willReturn(error(400, "Sender", "InvalidParameter", secret)));
        db.queue(1);

        start(OutboxDatabase.properties(20, 5, Duration.ofMillis(50), Duration.ofSeconds(30)));
        db.awaitSettled(Duration.ofSeconds(10));

        String lastError = db.jdbc
                .sql("select last_error from messages")
                .query(String.class)
                .single();
        List<String> details = db.jdbc
                .sql("select detail from message_events where detail is not null")
                .query(String.class)
                .list();
        assertThat(lastError).startsWith("InvalidParameter: ").doesNotContain("123456789012");
        assertThat(details).noneMatch(detail -> detail.contains("123456789012") || detail.contains("arn:"));
    }

    @Test
    void anOutageIsRiddenOutAndEveryMessageIsSentAfterIt() throws Exception {
        // The outage is scaled down (3 s instead of 5 min) together with the backoff (50 ms instead of 1 s);
        // BackoffTest shows the default schedule spans more than 5 minutes before giving up.
        sns.server.stubFor(publish().willReturn(error(503, "Receiver", "ServiceUnavailable", "down")));
        db.queue(20);

        start(OutboxDatabase.properties(50, 30, Duration.ofMillis(50), Duration.ofSeconds(30)));
        // The outage lasts until every message has been retried several times.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.jdbc
                                .sql("select min(attempts) from messages")
                                .query(Integer.class)
                                .single()
                        > 2);
        long duringOutage = db.jdbc
                .sql("select count(*) from messages where status = 'sent'")
                .query(Long.class)
                .single();
        sns.server.resetMappings();
        sns.server.stubFor(publish().willReturn(ok()));
        db.awaitSettled(Duration.ofSeconds(20));

        assertThat(duringOutage).isZero();
        assertThat(db.statusCounts()).containsExactly(Map.entry("sent", 20L));
        assertThat(db.jdbc
                        .sql("select min(attempts) from messages")
                        .query(Integer.class)
                        .single())
                .isGreaterThan(2);
    }

    private void awaitPausedWithNothingInFlight() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dispatcher.metrics().paused() && !db.statusCounts().containsKey("sending"));
    }

    private void start(DispatchProperties properties) {
        dispatcher = db.dispatcher(provider, properties);
        dispatcher.start();
    }

    /**
     * Two minutes in which SNS refuses the service's credentials (InvalidClientTokenId), as after a key
     * rotation gone wrong: delivery pauses and health says DOWN, no message fails or uses up an attempt,
     * and everything is sent once the credentials work again.
     */
    @Test
    void aTwoMinuteCredentialFailureFailsNothingAndEverythingIsSentAfterwards() throws Exception {
        sns.server.stubFor(publish()
                .willReturn(error(403, "Sender", "InvalidClientTokenId", "The security token included is invalid.")));
        db.queue(20);
        TestClock clock = new TestClock();
        db.clock = clock;
        start(OutboxDatabase.properties(100, 3, Duration.ofMillis(50), Duration.ofSeconds(60)));

        // Two minutes on the dispatcher's clock: whenever delivery has paused for the outage (and the
        // calls under way have answered), the clock moves on by the pause, as the wall clock would while
        // the dispatcher waits; ten more sends at minute 1.
        Duration elapsed = Duration.ZERO;
        boolean queuedMore = false;
        while (elapsed.compareTo(Duration.ofMinutes(2)) < 0) {
            awaitPausedWithNothingInFlight();
            Duration pause = dispatcher.metrics().outagePause();
            clock.advance(pause);
            elapsed = elapsed.plus(pause);
            if (!queuedMore && elapsed.compareTo(Duration.ofMinutes(1)) >= 0) {
                db.queue(10);
                queuedMore = true;
            }
        }
        awaitPausedWithNothingInFlight();
        int refusedCalls = sns.publishes().size();
        boolean pausedAndDown = dispatcher.metrics().consecutiveOutages() > 0;
        java.util.Map<String, Long> during = db.statusCounts();
        sns.server.resetAll();
        sns.server.stubFor(publish().willReturn(ok()));
        clock.advance(dispatcher.metrics().outagePause()); // the last pause ends
        db.awaitSettled(Duration.ofSeconds(120));

        System.out.println("credential failure: " + refusedCalls + " refused calls in 2 minutes (" + elapsed
                + " on the clock), status during " + during + ", after " + db.statusCounts());
        assertThat(pausedAndDown).as("provider reported down while refused").isTrue();
        assertThat(during).doesNotContainKey("failed");
        assertThat(db.statusCounts()).containsExactly(java.util.Map.entry("sent", 30L));
        assertThat(db.jdbc
                        .sql("select max(attempts) from messages")
                        .query(Integer.class)
                        .single())
                .as("no refused call counted as an attempt")
                .isOne();
        assertThat(refusedCalls)
                .as("paused: far fewer calls than messages times retries")
                .isLessThan(200);
    }
}
