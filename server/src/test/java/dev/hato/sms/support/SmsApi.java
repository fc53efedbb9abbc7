package dev.hato.sms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/** The client-side steps of the full flow, each asserting its own success. */
public record SmsApi(ApiClient client) {

    public long customer(String phoneNumber) {
        ApiClient.Response response =
                client.post("/api/customers", Map.of("phone_number", phoneNumber, "name", "山田太郎"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    public String token(long customerId) {
        ApiClient.Response response = client.post("/api/tokens", Map.of("customer_id", customerId));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    public long template(long customerId, String content) {
        ApiClient.Response response = client.post(
                "/api/customers/" + customerId + "/templates",
                Map.of("name", "t" + System.nanoTime(), "content", content));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    public ApiClient.Response send(String phone, String token, long customerId, long templateId) {
        return send(phone, token, customerId, templateId, null);
    }

    public ApiClient.Response send(
            String phone, String token, long customerId, long templateId, Map<String, String> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone_number", phone);
        body.put("token", token);
        body.put("customer_id", customerId);
        body.put("template_id", templateId);
        if (variables != null) {
            body.put("variables", variables);
        }
        return client.post("/api/sms/send", body);
    }
}
