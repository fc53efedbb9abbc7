package dev.hato.sms.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerHttpTest extends LoggedInTest {

    @Test
    void registersACustomerWithE164() {
        ApiClient.Response response = client.post(
                "/api/customers", Map.of("phone_number", "090-1234-5678", "name", "山田太郎", "external_id", "crm-1"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("phone_number").asString()).isEqualTo("090-1234-5678");
        assertThat(response.json().path("phone_number_e164").asString()).isEqualTo("+819012345678");
        assertThat(response.json().path("name").asString()).isEqualTo("山田太郎");
        assertThat(response.json().path("external_id").asString()).isEqualTo("crm-1");
        assertThat(response.json().path("opted_out").asBoolean()).isFalse();
        assertThat(response.json().path("created_at").asString()).isNotEmpty();
    }

    @Test
    void registeringTheSameNumberTwiceMakesTwoCustomers() {
        String phone = uniqueMobile();

        long first = api.customer(phone);
        long second = api.customer(phone);

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void rejectsNumbersThatCannotReceiveSms() {
        Map<String, String> cases = Map.of(
                "0312345678", "landline",
                "05012345678", "IP phone",
                "090123", "too short",
                "abc", "digits",
                "0990123456", "premium");
        cases.forEach((phone, reason) -> {
            ApiClient.Response response = client.post("/api/customers", Map.of("phone_number", phone));
            assertThat(response.status()).as(phone).isEqualTo(400);
            assertThat(response.json()
                            .path("errors")
                            .path("phone_number")
                            .get(0)
                            .asString())
                    .as(phone)
                    .contains(reason);
        });
    }

    @Test
    void missingPhoneNumberIsAFieldError() {
        ApiClient.Response response = client.post("/api/customers", Map.of("name", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("phone_number")).isTrue();
    }

    @Test
    void getsPatchesAndFindsByPhoneNumber() {
        String phone = uniqueMobile();
        long id = api.customer(phone);

        ApiClient.Response patched = client.patch("/api/customers/" + id, Map.of("opted_out", true, "name", "佐藤"));
        ApiClient.Response fetched = client.get("/api/customers/" + id);
        ApiClient.Response found = client.get("/api/customers?phone_number=%2B81" + phone.substring(1));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(fetched.json().path("opted_out").asBoolean()).isTrue();
        assertThat(fetched.json().path("name").asString()).isEqualTo("佐藤");
        assertThat(fetched.json().path("phone_number").asString()).isEqualTo(phone);
        assertThat(found.json().path("results")).hasSize(1);
        assertThat(found.json().path("results").get(0).path("id").asLong()).isEqualTo(id);
    }

    @Test
    void unknownCustomerIs404() {
        assertThat(client.get("/api/customers/999999999").status()).isEqualTo(404);
        assertThat(client.patch("/api/customers/999999999", Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(client.get("/api/customers/abc").status()).isEqualTo(400);
    }

    @Test
    void listPagesWithACursor() {
        String phone = uniqueMobile();
        for (int i = 0; i < 5; i++) {
            api.customer(phone);
        }
        String e164 = "%2B81" + phone.substring(1);

        ApiClient.Response first = client.get("/api/customers?limit=2&phone_number=" + e164);
        String next = first.json().path("next").asString();
        ApiClient.Response second = client.get(next.substring(next.indexOf("/api/")));

        assertThat(first.json().path("results")).hasSize(2);
        assertThat(next).contains("cursor=").contains("limit=2");
        assertThat(second.json().path("results").get(0).path("id").asLong())
                .isLessThan(first.json().path("results").get(1).path("id").asLong());
        assertThat(client.get("/api/customers?cursor=garbage").status()).isEqualTo(400);
        assertThat(client.get("/api/customers?limit=500").status()).isEqualTo(400);
    }
}
