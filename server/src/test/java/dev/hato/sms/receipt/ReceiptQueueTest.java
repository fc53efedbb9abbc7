package dev.hato.sms.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hato.sms.auth.Users;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.AwsEvents;
import dev.hato.sms.support.EumStandIn;
import dev.hato.sms.support.MotoServer;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.SmsApi;
import dev.hato.sms.support.TestDatabase;
import dev.hato.sms.support.TestUsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;

/**
 * The receipt path with real parts: the End User Messaging stand-in takes the sends; moto's SNS topic
 * (the configuration set's event destination) and its SQS queue, with a dead-letter queue, carry events
 * in AWS's documented format to the service, which long-polls the queue with the AWS SDK.
 */
class ReceiptQueueTest {

    static MotoServer moto;
    static EumStandIn eum;
    static SnsClient sns;
    static SqsClient sqs;
    static Receipts shared;
    static ConfigurableApplicationContext instance;
    static SmsApi api;
    static JdbcClient jdbc;

    /** A topic, and a queue subscribed to it whose redrive policy moves an event to its DLQ after 3 receives. */
    record Receipts(String topicArn, String queueUrl, String dlqUrl) {}

    @BeforeAll
    static void start() {
        moto = new MotoServer(Path.of("target", "moto-receipts.log"));
        eum = new EumStandIn();
        sns = moto.sns();
        sqs = moto.sqs();
        shared = receipts("shared");
        instance = start(TestDatabase.jdbcUrl("receipts_queue"), shared);
        api = loggedIn(instance);
        jdbc = instance.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (sns != null) {
            sns.close();
            sqs.close();
        }
        if (eum != null) {
            eum.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    static Receipts receipts(String name) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
        String dlqArn = arn(dlqUrl);
        String queueUrl = sqs.createQueue(r -> r.queueName(name)
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"3\"}")))
                .queueUrl();
        String topicArn = sns.createTopic(r -> r.name(name + "-events")).topicArn();
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn(queueUrl)));
        return new Receipts(topicArn, queueUrl, dlqUrl);
    }

    static String arn(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    static ConfigurableApplicationContext start(String jdbcUrl, Receipts receipts) {
        return ServiceInstance.start(
                jdbcUrl,
                null,
                "--sms.provider=eum",
                "--sms.eum.endpoint-url=" + eum.endpoint(),
                "--sms.eum.configuration-set=hato",
                "--sms.eum.access-key-id=test",
                "--sms.eum.secret-access-key=test",
                "--sms.receipts.queue-url=" + receipts.queueUrl(),
                "--sms.receipts.endpoint-url=" + moto.endpoint(),
                "--sms.receipts.access-key-id=test",
                "--sms.receipts.secret-access-key=test",
                "--sms.receipts.wait-time=1s",
                "--sms.receipts.retry-delay=1s",
                "--sms.dispatch.rate-per-second=200",
                "--sms.limits.per-destination-per-hour=0",
                "--sms.limits.per-user-per-minute=0");
    }

    static SmsApi loggedIn(ConfigurableApplicationContext instance) {
        ApiClient client = new ApiClient(ServiceInstance.baseUrl(instance));
        client.login(new TestUsers(instance.getBean(Users.class)).staff(), TestUsers.PASSWORD);
        return new SmsApi(client);
    }

    /** Sends one message to {@code phone} and returns its id once the provider took it. */
    static long sent(SmsApi api, JdbcClient jdbc, String phone) {
        long customer = api.customer(phone);
        long template = api.template(customer, "receipt test");
        long id = api.send(phone, api.token(customer), customer, template)
                .json()
                .get("id")
                .asLong();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "sent".equals(status(jdbc, id)));
        return id;
    }

    static String status(JdbcClient jdbc, long id) {
        return jdbc.sql("select status from messages where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    static String providerId(JdbcClient jdbc, long id) {
        return jdbc.sql("select provider_message_id from messages where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    static void publish(Receipts receipts, String event) {
        sns.publish(r -> r.topicArn(receipts.topicArn()).message(event));
    }

    static List<String> deadLetters(Receipts receipts) {
        List<String> bodies = new ArrayList<>();
        sqs.receiveMessage(r ->
                        r.queueUrl(receipts.dlqUrl()).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()
                .forEach(m -> bodies.add(m.body()));
        return bodies;
    }

    static long eventsWithStatus(JdbcClient jdbc, long id, String status) {
        return jdbc.sql("select count(*) from message_events where message_id = ? and status = ?")
                .params(id, status)
                .query(Long.class)
                .single();
    }

    @Test
    void aSendBecomesDeliveredOnceItsEventIsPublishedToTheTopicWithItsPartsPriceAndCarrierDetail() {
        long id = sent(api, jdbc, "090-3100-0001");

        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, id, providerId(jdbc, id)));

        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status(jdbc, id)));
        JsonNode message = api.client().get("/api/sms/messages/" + id).json();
        assertThat(message.path("status").asString()).isEqualTo("delivered");
        assertThat(message.path("delivered_at").isNull()).isFalse();
        assertThat(message.path("parts").asInt()).isEqualTo(1);
        assertThat(message.path("price_usd").decimalValue()).isEqualByComparingTo("0.07451");
        assertThat(message.path("delivery_detail").path("status").asString()).isEqualTo("TEXT_DELIVERED");
        assertThat(message.path("delivery_detail").path("description").asString())
                .isEqualTo("Message has been accepted by phone");
    }

    @Test
    void duplicatesAndLateProgressChangeNothingAndAFinalStatusNeverMovesBack() {
        long id = sent(api, jdbc, "090-3100-0002");
        String providerId = providerId(jdbc, id);

        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, id, providerId));
        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, id, providerId));
        publish(shared, AwsEvents.text("TEXT_PENDING", false, id, providerId));
        publish(shared, AwsEvents.text("TEXT_BLOCKED", true, id, providerId));
        // A marker behind them on the same queue: once it is applied, the four before it were handled.
        long marker = sent(api, jdbc, "090-3100-0003");
        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, marker, providerId(jdbc, marker)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status(jdbc, marker)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sqs
                        .getQueueAttributes(r -> r.queueUrl(shared.queueUrl())
                                .attributeNames(
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes()
                        .values()
                        .stream()
                        .allMatch("0"::equals));

        assertThat(status(jdbc, id)).isEqualTo("delivered");
        assertThat(eventsWithStatus(jdbc, id, "delivered")).isOne();
        assertThat(eventsWithStatus(jdbc, id, "undelivered")).isZero();
    }

    @Test
    void anEventForAnUnknownMessageIsRetriedThenDeadLetteredAndAMalformedOneAtOnce() {
        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, 987_654_321L, "no-such-provider-id"));
        publish(shared, "this is not JSON");
        publish(shared, "{\"eventType\":\"TEXT_DELIVERED\",\"messageId\":\"x\",\"eventTimestamp\":1}");
        // The consumer goes on: a good event behind them is applied.
        long id = sent(api, jdbc, "090-3100-0004");
        publish(shared, AwsEvents.text("TEXT_DELIVERED", true, id, providerId(jdbc, id)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(status(jdbc, id)));

        List<String> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    dead.addAll(deadLetters(shared));
                    return dead.size() >= 3;
                });
        assertThat(dead).hasSize(3);
        assertThat(String.join("\n", dead))
                .contains("this is not JSON")
                .contains("no-such-provider-id")
                .contains("\\\"messageId\\\":\\\"x\\\"");
    }

    @Test
    void aNumberAwsReportsOptedOutFailsItsMessageAndGoesOnTheSuppressionListAsTheProvidersDoing() {
        eum.server.stubFor(EumStandIn.sendTextMessage()
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("+819031000005"))
                .atPriority(1)
                .willReturn(EumStandIn.error(400, "ConflictException", "DESTINATION_PHONE_NUMBER_OPTED_OUT")));
        long customer = api.customer("090-3100-0005");
        long template = api.template(customer, "opt-out test");
        long id = api.send("090-3100-0005", api.token(customer), customer, template)
                .json()
                .get("id")
                .asLong();

        await().atMost(Duration.ofSeconds(20)).until(() -> "failed".equals(status(jdbc, id)));
        assertThat(jdbc.sql("select source || ' ' || reason from suppression_events where phone_number_e164 = ?")
                        .param("+819031000005")
                        .query(String.class)
                        .single())
                .isEqualTo("provider reported by the provider: DESTINATION_PHONE_NUMBER_OPTED_OUT");
        assertThat(api.client()
                        .get("/api/customers/" + customer)
                        .json()
                        .path("opted_out")
                        .asBoolean())
                .isTrue();
        ApiClient.Response again = api.send("090-3100-0005", api.token(customer), customer, template);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void eventsPublishedWhileTheServiceIsStoppedAreAppliedOnceByTwoInstancesAfterTheRestart() {
        Receipts own = receipts("restart");
        String url = TestDatabase.jdbcUrl("receipts_restart");
        List<long[]> messages = new ArrayList<>();
        try (ConfigurableApplicationContext first = start(url, own)) {
            SmsApi firstApi = loggedIn(first);
            JdbcClient firstJdbc = first.getBean(JdbcClient.class);
            for (int i = 0; i < 10; i++) {
                long id = sent(firstApi, firstJdbc, "090-3200-%04d".formatted(i));
                messages.add(new long[] {id});
            }
            List<String> providerIds =
                    messages.stream().map(m -> providerId(firstJdbc, m[0])).toList();
            // Stopped before the events arrive: nothing reads the queue until the restart.
            first.stop();
            for (int i = 0; i < messages.size(); i++) {
                publish(own, AwsEvents.text("TEXT_DELIVERED", true, messages.get(i)[0], providerIds.get(i)));
                publish(own, AwsEvents.text("TEXT_DELIVERED", true, messages.get(i)[0], providerIds.get(i)));
            }
        }
        try (ConfigurableApplicationContext a = start(url, own);
                ConfigurableApplicationContext b = start(url, own)) {
            JdbcClient db = a.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> messages.stream().allMatch(m -> "delivered".equals(status(db, m[0]))));
            for (long[] m : messages) {
                assertThat(eventsWithStatus(db, m[0], "delivered"))
                        .as("delivered events of message " + m[0])
                        .isOne();
            }
        }
    }
}
