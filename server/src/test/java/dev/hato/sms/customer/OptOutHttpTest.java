package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An opt-out belongs to the number: registering it again or editing a customer cannot bypass it. */
class OptOutHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringAnOptedOutNumberAgainDoesNotBypassTheOptOut() {
        String phone = uniqueMobile();
        long first = api.customer(phone);
        assertThat(client.patch("/api/customers/" + first, Map.of("opted_out", true))
                        .status())
                .isEqualTo(200);

        long second = api.customer(phone);
        assertThat(client.get("/api/customers/" + second)
                        .json()
                        .path("opted_out")
                        .asBoolean())
                .isTrue();
        long template = api.template(second, "こんにちは");
        ApiClient.Response send = api.send(phone, api.token(second), second, template);

        assertThat(send.status()).isEqualTo(409);
        assertThat(send.type()).isEqualTo("urn:sms:problem:customer-opted-out");
    }

    @Test
    void optingBackInIsRecordedWithWhoAndWhen() {
        String phone = uniqueMobile();
        long id = api.customer(phone);
        client.patch("/api/customers/" + id, Map.of("opted_out", true));

        ApiClient.Response back = client.patch("/api/customers/" + id, Map.of("opted_out", false));

        assertThat(back.json().path("opted_out").asBoolean()).isFalse();
        String e164 = back.json().path("phone_number_e164").asString();
        assertThat(jdbc.sql("select string_agg(e.action || ':' || u.username, ',' order by e.id)"
                                + " from suppression_events e join users u on u.id = e.actor"
                                + " where e.phone_number_e164 = ?")
                        .param(e164)
                        .query(String.class)
                        .single())
                .isEqualTo("opt-out:" + username + ",opt-in:" + username);
        assertThat(api.send(phone, api.token(id), id, api.template(id, "おかえりなさい"))
                        .status())
                .isEqualTo(202);
    }
}
