package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HistoryHttpTest extends LoggedInTest {

    @Test
    void historyIsNewestFirstWithCursorPagesAndFilters() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        long template = api.template(customer, "hello {{customer_name}}");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiClient.Response sent = api.send(phone, api.token(customer), customer, template);
            ids.add(sent.json().path("id").asLong());
        }

        ApiClient.Response first = client.get("/api/sms/history?limit=3&customer_id=" + customer);
        String next = first.json().path("next").asString();
        ApiClient.Response second = client.get(next.substring(next.indexOf("/api/")));

        assertThat(ids(first.json())).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(ids(second.json())).containsExactly(ids.get(1), ids.get(0));
        assertThat(second.json().path("next").isNull()).isTrue();
        JsonNode item = first.json().path("results").get(0);
        for (String field : List.of(
                "id",
                "customer_id",
                "template_id",
                "phone_number_e164",
                "body",
                "encoding",
                "segments",
                "status",
                "attempts",
                "provider_message_id",
                "last_error",
                "sent_by",
                "created_at",
                "sent_at")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
    }

    @Test
    void filtersByPhoneStatusSenderAndTime() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        long template = api.template(customer, "hi");
        long id = api.send(phone, api.token(customer), customer, template)
                .json()
                .path("id")
                .asLong();
        long me = client.get("/api/auth/me").json().path("id").asLong();

        assertThat(ids(client.get("/api/sms/history?phone_number=" + phone).json()))
                .containsExactly(id);
        assertThat(ids(client.get("/api/sms/history?sent_by=" + me).json())).containsExactly(id);
        assertThat(ids(client.get("/api/sms/history?status=failed&customer_id=" + customer)
                        .json()))
                .isEmpty();
        assertThat(ids(client.get("/api/sms/history?customer_id=" + customer + "&since=2000-01-01T00:00:00Z"
                                + "&until=2999-01-01T00:00:00Z")
                        .json()))
                .containsExactly(id);
        assertThat(ids(client.get("/api/sms/history?customer_id=" + customer + "&until=2000-01-01T00:00:00Z")
                        .json()))
                .isEmpty();
    }

    @Test
    void badFiltersAre400() {
        assertThat(client.get("/api/sms/history?status=lost").status()).isEqualTo(400);
        assertThat(client.get("/api/sms/history?since=yesterday").status()).isEqualTo(400);
        assertThat(client.get("/api/sms/history?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/api/sms/history?limit=201").status()).isEqualTo(400);
        assertThat(client.get("/api/sms/history?phone_number=123").status()).isEqualTo(400);
    }

    @Test
    void messageDetailShowsTheStatusTrail() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        long id = api.send(phone, api.token(customer), customer, api.template(customer, "x"))
                .json()
                .path("id")
                .asLong();

        ApiClient.Response detail = client.get("/api/sms/messages/" + id);

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("id").asLong()).isEqualTo(id);
        assertThat(detail.json().path("events").get(0).path("status").asString())
                .isEqualTo("queued");
        assertThat(detail.json().path("events").get(0).has("created_at")).isTrue();
        assertThat(client.get("/api/sms/messages/999999999").status()).isEqualTo(404);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("results").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
