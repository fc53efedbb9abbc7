package dev.hato.sms.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateHttpTest extends LoggedInTest {

    @Test
    void createsATemplateWithVariablesEncodingAndSegments() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response response = client.post(
                "/api/customers/" + customer + "/templates",
                Map.of("name", "welcome_message", "content", "{{customer_name}}様、ご登録ありがとうございます。コード: {{code}}"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("customer_id").asLong()).isEqualTo(customer);
        assertThat(response.json().path("variables").toString()).isEqualTo("[\"customer_name\",\"code\"]");
        assertThat(response.json().path("encoding").asString()).isEqualTo("UCS-2");
        assertThat(response.json().path("segments").asInt()).isEqualTo(1);
    }

    @Test
    void gsmTextIsCountedInSeptets() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response response = client.post(
                "/api/customers/" + customer + "/templates", Map.of("name", "en", "content", "Price: 10€ [ok]"));

        assertThat(response.json().path("encoding").asString()).isEqualTo("GSM-7");
        assertThat(response.json().path("length").asInt()).isEqualTo(18);
    }

    @Test
    void duplicateNameForOneCustomerIs409() {
        long customer = api.customer(uniqueMobile());
        long other = api.customer(uniqueMobile());
        Map<String, String> body = Map.of("name", "welcome", "content", "hello");

        assertThat(client.post("/api/customers/" + customer + "/templates", body)
                        .status())
                .isEqualTo(201);
        assertThat(client.post("/api/customers/" + customer + "/templates", body)
                        .status())
                .isEqualTo(409);
        assertThat(client.post("/api/customers/" + other + "/templates", body).status())
                .isEqualTo(201);
    }

    @Test
    void listGetReplaceAndDelete() {
        long customer = api.customer(uniqueMobile());
        long id = api.template(customer, "first");
        String base = "/api/customers/" + customer + "/templates";

        ApiClient.Response replaced = client.put(base + "/" + id, Map.of("name", "renamed", "content", "second {{x}}"));

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("variables").get(0).asString()).isEqualTo("x");
        assertThat(client.get(base).json()).hasSize(1);
        assertThat(client.get(base + "/" + id).json().path("name").asString()).isEqualTo("renamed");
        assertThat(client.delete(base + "/" + id).status()).isEqualTo(204);
        assertThat(client.get(base + "/" + id).status()).isEqualTo(404);
        assertThat(client.delete(base + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void unknownCustomerOrForeignTemplateIs404() {
        long customer = api.customer(uniqueMobile());
        long other = api.customer(uniqueMobile());
        long id = api.template(customer, "mine");

        assertThat(client.get("/api/customers/999999999/templates").status()).isEqualTo(404);
        assertThat(client.post("/api/customers/999999999/templates", Map.of("name", "a", "content", "b"))
                        .status())
                .isEqualTo(404);
        assertThat(client.get("/api/customers/" + other + "/templates/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void contentOverTheLimitIs400() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response response = client.post(
                "/api/customers/" + customer + "/templates", Map.of("name", "long", "content", "あ".repeat(661)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("content")).isTrue();
        assertThat(client.post(
                                "/api/customers/" + customer + "/templates",
                                Map.of("name", "max", "content", "あ".repeat(660)))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void blankNameOrContentIs400() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response response =
                client.post("/api/customers/" + customer + "/templates", Map.of("name", " ", "content", ""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("name")).isTrue();
        assertThat(response.json().path("errors").has("content")).isTrue();
    }
}
