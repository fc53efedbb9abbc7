package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.OpenMessages;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class RetentionTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageRetention messageRetention;

    @Test
    void oldIdempotencyKeysAndStatusEventsArePurgedAndRecentOnesKept() throws InterruptedException {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        long template = api.template(customer, "hello");
        long oldMessage = sendWithKey(phone, customer, template, "old-" + System.nanoTime());
        long newMessage = sendWithKey(phone, customer, template, "new-" + System.nanoTime());
        // Delivered first, so that every status event of the old message exists before it is aged.
        OpenMessages.awaitNone(jdbc, Duration.ofSeconds(30));
        jdbc.sql("update idempotency_keys set created_at = now() - interval '2 days' where message_id = ?")
                .param(oldMessage)
                .update();
        jdbc.sql("update message_events set created_at = now() - interval '200 days' where message_id = ?")
                .param(oldMessage)
                .update();

        messageRetention.purge();

        assertThat(count("select count(*) from idempotency_keys where message_id = ?", oldMessage))
                .isZero();
        assertThat(count("select count(*) from idempotency_keys where message_id = ?", newMessage))
                .isOne();
        assertThat(count("select count(*) from message_events where message_id = ?", oldMessage))
                .isZero();
        assertThat(count("select count(*) from message_events where message_id = ?", newMessage))
                .isPositive();
        assertThat(count("select count(*) from messages where id = ?", oldMessage))
                .as("the message itself stays in the history")
                .isOne();
    }

    private long sendWithKey(String phone, long customer, long template, String key) {
        var response = client.send(
                "POST",
                "/api/sms/send",
                Map.of(
                        "phone_number", phone,
                        "token", api.token(customer),
                        "customer_id", customer,
                        "template_id", template),
                Map.of("Idempotency-Key", key));
        assertThat(response.status()).isEqualTo(202);
        return response.json().path("id").asLong();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
