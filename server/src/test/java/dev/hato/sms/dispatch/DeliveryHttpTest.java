package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.OpenMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The whole pipeline in the service: an accepted message reaches the (sandbox) provider at once. */
class DeliveryHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SandboxSmsProvider sandbox;

    @Test
    void atLowLoadAcceptedToSentIsUnder200Milliseconds() throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String phone = uniqueMobile();
            long customer = api.customer(phone);
            long id = api.send(phone, api.token(customer), customer, api.template(customer, "hello"))
                    .json()
                    .path("id")
                    .asLong();
            ApiClient.Response message = OpenMessages.awaitStatus(client, id, "sent", Duration.ofSeconds(10));
            assertThat(message.json().path("status").asString()).isEqualTo("sent");
            assertThat(message.json().path("provider_message_id").asString()).isNotEmpty();
            assertThat(sandbox.recent()).anyMatch(p -> p.messageId() == id);
            latencies.add(
                    jdbc.sql("select extract(epoch from (sent_at - created_at)) * 1000 from messages where id = ?")
                            .param(id)
                            .query(Double.class)
                            .single());
        }
        System.out.println("accepted-to-sent latencies (ms): " + latencies);
        assertThat(latencies).allMatch(ms -> ms < 200);
    }
}
