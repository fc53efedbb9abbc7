package dev.hato.sms.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void issuesAUrlSafeTokenStoredOnlyAsAHash() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response response = client.post("/api/tokens", Map.of("customer_id", customer));

        assertThat(response.status()).isEqualTo(201);
        String token = response.json().path("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");
        assertThat(response.json().path("customer_id").asLong()).isEqualTo(customer);
        OffsetDateTime expires =
                OffsetDateTime.parse(response.json().path("expires_at").asString());
        assertThat(Duration.between(OffsetDateTime.now(), expires))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(11));
        assertThat(jdbc.sql("select count(*) from send_tokens where token_hash = ?")
                        .param(TokenHash.of(token))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from send_tokens where encode(token_hash, 'escape') like ?")
                        .param("%" + token + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void ttlIsHonouredAndBounded() {
        long customer = api.customer(uniqueMobile());

        ApiClient.Response shortLived = client.post("/api/tokens", Map.of("customer_id", customer, "ttl_seconds", 60));
        ApiClient.Response tooLong =
                client.post("/api/tokens", Map.of("customer_id", customer, "ttl_seconds", 365 * 86400));

        OffsetDateTime expires =
                OffsetDateTime.parse(shortLived.json().path("expires_at").asString());
        assertThat(Duration.between(OffsetDateTime.now(), expires))
                .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(70));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").has("ttl_seconds")).isTrue();
    }

    @Test
    void unknownCustomerIsAFieldError() {
        ApiClient.Response response = client.post("/api/tokens", Map.of("customer_id", 999_999_999));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").has("customer_id")).isTrue();
    }
}
