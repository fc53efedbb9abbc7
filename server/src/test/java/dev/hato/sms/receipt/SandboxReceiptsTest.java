package dev.hato.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.support.AwsEvents;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.SmsApi;
import dev.hato.sms.support.TestClock;
import dev.hato.sms.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox, as the default start runs it, reports every message back through the receipt path; and
 * AWS's 72-hour rule makes a message without a final receipt unknown, on a test clock.
 */
class SandboxReceiptsTest {

    static long send(SmsApi api, String phone) {
        long customer = api.customer(phone);
        long template = api.template(customer, "sandbox receipt");
        return api.send(phone, api.token(customer), customer, template)
                .json()
                .get("id")
                .asLong();
    }

    @Test
    void withTheDefaultSettingsASentMessageTurnsDeliveredByItselfWithItsPartsAndPrice() {
        try (ConfigurableApplicationContext instance =
                ServiceInstance.start(TestDatabase.jdbcUrl("receipts_sandbox"), null)) {
            SmsApi api = ReceiptQueueTest.loggedIn(instance);
            long id = send(api, "090-3300-0001");

            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> api.client()
                            .get("/api/sms/messages/" + id)
                            .json()
                            .path("status")
                            .asString()
                            .equals("delivered"));
            JsonNode message = api.client().get("/api/sms/messages/" + id).json();
            assertThat(message.path("parts").asInt()).isEqualTo(1);
            assertThat(message.path("price_usd").decimalValue()).isEqualByComparingTo("0.07");
            assertThat(message.path("delivery_detail").path("status").asString())
                    .isEqualTo("TEXT_DELIVERED");
            assertThat(message.path("events").findValuesAsString("status")).containsSubsequence("sent", "delivered");
            JsonNode today = api.client().get("/api/sms/summary/daily").json();
            JsonNode last = today.get(today.size() - 1);
            assertThat(last.path("delivered").asLong()).isEqualTo(1);
            assertThat(last.path("delivered_share").asDouble()).isEqualTo(1.0);
            assertThat(last.path("spend_usd").decimalValue()).isEqualByComparingTo("0.07");
        }
    }

    @Test
    void aMessageWithoutAFinalReceiptForSeventyTwoHoursIsUnknownAndALateReceiptStillDeliversIt() {
        TestClock clock = new TestClock();
        try (ConfigurableApplicationContext instance = ServiceInstance.start(
                TestDatabase.jdbcUrl("receipts_final_after"),
                clock,
                // Receipts expected, but none comes during the test; the sweep runs when the test says.
                "--sms.sandbox.receipt-delay=1h",
                "--sms.receipts.sweep-interval=1h")) {
            SmsApi api = ReceiptQueueTest.loggedIn(instance);
            JdbcClient jdbc = instance.getBean(JdbcClient.class);
            FinalAfterSweep sweep = instance.getBean(FinalAfterSweep.class);
            long old = send(api, "090-3300-0002");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ReceiptQueueTest.status(jdbc, old).equals("sent"));
            // Within the session's 24 hours: the second message is sent 23 hours after the first.
            clock.advance(Duration.ofHours(23));
            long young = send(api, "090-3300-0003");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> ReceiptQueueTest.status(jdbc, young).equals("sent"));

            clock.advance(Duration.ofHours(48).plusMinutes(50));
            assertThat(sweep.sweep()).as("71 h 50 min after the first was sent").isZero();
            clock.advance(Duration.ofMinutes(20));
            assertThat(sweep.sweep())
                    .as("72 h 10 min after the first, 49 h after the second")
                    .isOne();

            assertThat(ReceiptQueueTest.status(jdbc, old)).isEqualTo("unknown");
            assertThat(ReceiptQueueTest.status(jdbc, young)).isEqualTo("sent");
            String providerId = jdbc.sql("select provider_message_id from messages where id = ?")
                    .param(old)
                    .query(String.class)
                    .single();
            ReceiptHandler handler = instance.getBean(ReceiptHandler.class);
            assertThat(handler.handle(AwsEvents.text("TEXT_DELIVERED", true, old, providerId)))
                    .isEqualTo(ReceiptHandler.Disposition.DONE);
            assertThat(ReceiptQueueTest.status(jdbc, old)).isEqualTo("delivered");
        }
    }
}
