package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SendHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void sendStoresAQueuedMessageAndAnswers202() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        String token = api.token(customer);
        long template = api.template(customer, "{{customer_name}}様 コード{{code}}");

        ApiClient.Response response = api.send(phone, token, customer, template, Map.of("code", "1234"));

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        assertThat(response.json().path("status").asString()).isEqualTo("queued");
        assertThat(response.json().path("body").asString()).isEqualTo("山田太郎様 コード1234");
        assertThat(response.json().path("encoding").asString()).isEqualTo("UCS-2");
        assertThat(response.json().path("segments").asInt()).isEqualTo(1);
        assertThat(response.json().path("phone_number_e164").asString()).isEqualTo("+81" + phone.substring(1));
        assertThat(response.json().path("sent_by").asLong()).isEqualTo(userId());
        long id = response.json().path("id").asLong();
        assertThat(jdbc.sql("select count(*) from messages where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tokenWorksExactlyOnce() {
        Flow flow = flow();

        assertThat(flow.send().status()).isEqualTo(202);
        ApiClient.Response reuse = flow.send();

        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.type()).isEqualTo("urn:sms:problem:token-used");
    }

    @Test
    void unknownTokenIsRejected() {
        Flow flow = flow();

        ApiClient.Response response = api.send(flow.phone, "not-a-token", flow.customer, flow.template);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.type()).isEqualTo("urn:sms:problem:token-unknown");
    }

    @Test
    void expiredTokenIsRejectedAndNotConsumed() {
        Flow flow = flow();
        jdbc.sql("update send_tokens set expires_at = now() - interval '1 second' where customer_id = ?")
                .param(flow.customer)
                .update();

        ApiClient.Response response = flow.send();

        assertThat(response.type()).isEqualTo("urn:sms:problem:token-expired");
        assertThat(unusedTokens(flow.customer)).isEqualTo(1);
    }

    @Test
    void tokenOfAnotherCustomerIsRejected() {
        Flow flow = flow();
        Flow other = flow();

        ApiClient.Response response = api.send(flow.phone, other.token, flow.customer, flow.template);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.type()).isEqualTo("urn:sms:problem:token-customer-mismatch");
        assertThat(unusedTokens(other.customer)).isEqualTo(1);
    }

    @Test
    void templateOfAnotherCustomerOrMissingIsRejected() {
        Flow flow = flow();
        Flow other = flow();

        ApiClient.Response foreign = api.send(flow.phone, flow.token, flow.customer, other.template);
        ApiClient.Response missing = api.send(flow.phone, flow.token, flow.customer, 999_999_999L);

        assertThat(foreign.type()).isEqualTo("urn:sms:problem:template-not-found");
        assertThat(missing.type()).isEqualTo("urn:sms:problem:template-not-found");
        assertThat(unusedTokens(flow.customer)).isEqualTo(1);
    }

    @Test
    void phoneNumberMustBeTheCustomersAfterNormalisation() {
        Flow flow = flow();

        ApiClient.Response other = api.send(uniqueMobile(), flow.token, flow.customer, flow.template);
        ApiClient.Response hyphenated = api.send(
                flow.phone.substring(0, 3) + "-" + flow.phone.substring(3, 7) + "-" + flow.phone.substring(7),
                flow.token,
                flow.customer,
                flow.template);

        assertThat(other.type()).isEqualTo("urn:sms:problem:phone-number-mismatch");
        assertThat(hyphenated.status()).isEqualTo(202);
    }

    @Test
    void optedOutCustomerIsRejected() {
        Flow flow = flow();
        client.patch("/api/customers/" + flow.customer, Map.of("opted_out", true));

        ApiClient.Response response = flow.send();

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.type()).isEqualTo("urn:sms:problem:customer-opted-out");
        assertThat(unusedTokens(flow.customer)).isEqualTo(1);
    }

    @Test
    void placeholderWithoutValueIsRejected() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        String token = api.token(customer);
        long template = api.template(customer, "code {{code}} for {{customer_name}}");

        ApiClient.Response response = api.send(phone, token, customer, template);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.type()).isEqualTo("urn:sms:problem:missing-variable");
        assertThat(response.json().path("detail").asString()).contains("code").doesNotContain("customer_name");
    }

    @Test
    void renderedBodyOverTheLimitIsRejected() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        String token = api.token(customer);
        long template = api.template(customer, "{{text}}");

        ApiClient.Response response = api.send(phone, token, customer, template, Map.of("text", "あ".repeat(661)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.type()).isEqualTo("urn:sms:problem:body-too-long");
        assertThat(unusedTokens(customer)).isEqualTo(1);
    }

    @Test
    void missingFieldsAreFieldErrors() {
        ApiClient.Response response = client.post("/api/sms/send", Map.of("token", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("customer_id")).isTrue();
        assertThat(response.json().path("errors").has("phone_number")).isTrue();
        assertThat(response.json().path("errors").has("template_id")).isTrue();
        assertThat(client.post("/api/sms/send", "{\"customer_id\": \"abc\"}")
                        .json()
                        .path("errors")
                        .has("customer_id"))
                .isTrue();
    }

    @Test
    void twoConcurrentSendsWithOneTokenAcceptExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            Flow flow = flow();
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> send = () -> {
                start.await();
                return flow.send().status();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = pool.submit(send);
                Future<Integer> b = pool.submit(send);
                start.countDown();
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(202, 409);
            } finally {
                pool.shutdown();
            }
            assertThat(jdbc.sql("select count(*) from messages where customer_id = ?")
                            .param(flow.customer)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        }
    }

    @Test
    void idempotentReplayReturnsTheFirstResponseAndCreatesNothing() {
        Flow flow = flow();
        Map<String, String> key = Map.of("Idempotency-Key", "order-" + flow.customer);

        ApiClient.Response first = client.send("POST", "/api/sms/send", flow.body(), key);
        ApiClient.Response again = client.send("POST", "/api/sms/send", flow.body(), key);
        Map<String, Object> changed = new java.util.HashMap<>(flow.body());
        changed.put("variables", Map.of("x", "y"));
        ApiClient.Response different = client.send("POST", "/api/sms/send", changed, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.type()).isEqualTo("urn:sms:problem:idempotency-key-reused");
        assertThat(jdbc.sql("select count(*) from messages where customer_id = ?")
                        .param(flow.customer)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private long userId() {
        return jdbc.sql("select id from users where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    private long unusedTokens(long customer) {
        return jdbc.sql("select count(*) from send_tokens where customer_id = ? and used_at is null")
                .param(customer)
                .query(Long.class)
                .single();
    }

    private Flow flow() {
        String phone = uniqueMobile();
        long customer = api.customer(phone);
        return new Flow(phone, customer, api.token(customer), api.template(customer, "こんにちは"));
    }

    private final class Flow {
        final String phone;
        final long customer;
        final String token;
        final long template;

        Flow(String phone, long customer, String token, long template) {
            this.phone = phone;
            this.customer = customer;
            this.token = token;
            this.template = template;
        }

        Map<String, Object> body() {
            return Map.of("phone_number", phone, "token", token, "customer_id", customer, "template_id", template);
        }

        ApiClient.Response send() {
            return api.send(phone, token, customer, template);
        }
    }
}
