package dev.hato.sms.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.LoggedInTest;
import dev.hato.sms.support.OpenMessages;
import dev.hato.sms.support.TestClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What the console asks of the public API beyond the original endpoints, over HTTP. */
class ConsoleApiHttpTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    /** Longer than the dashboard figures are kept (3 s). */
    static final Duration STATS_KEPT = Duration.ofSeconds(4);

    @Test
    void theDashboardFiguresCountTodaysMessagesAndTheLastHourByMinute() throws Exception {
        clock.advance(STATS_KEPT); // the figures are at most three seconds old
        JsonNode before = client.get("/api/sms/stats").json();
        long customer = api.customer(uniqueMobile());
        String phone = client.get("/api/customers/" + customer)
                .json()
                .get("phone_number")
                .asString();
        long template = api.template(customer, "Dashboard test");
        assertThat(api.send(phone, api.token(customer), customer, template).status())
                .isEqualTo(202);
        OpenMessages.awaitNone(jdbc, Duration.ofSeconds(20));
        clock.advance(STATS_KEPT);

        JsonNode after = client.get("/api/sms/stats").json();
        assertThat(after.get("today").get("sent").asLong())
                .isEqualTo(before.get("today").get("sent").asLong() + 1);
        assertThat(after.get("per_minute")).hasSize(60);
        long lastHour = 0;
        for (JsonNode minute : after.get("per_minute")) {
            lastHour += minute.get("accepted").asLong();
        }
        assertThat(lastHour).isPositive();
        assertThat(after.get("queue_depth").asLong()).isZero();
        assertThat(after.has("oldest_queued_age_seconds")).isTrue();
        assertThat(after.get("day_start").asString()).endsWith("+09:00");
    }

    @Test
    void customersAreFoundByAnyPartOfTheirNameIgnoringCaseAndWildcards() {
        String unique = "Nakamura" + System.nanoTime();
        client.post("/api/customers", Map.of("phone_number", uniqueMobile(), "name", unique + " Keiko"));
        client.post("/api/customers", Map.of("phone_number", uniqueMobile(), "name", "100% " + unique));

        assertThat(names("/api/customers?name=" + unique.toLowerCase())).hasSize(2);
        assertThat(names("/api/customers?name=" + unique + "%20keiko")).containsExactly(unique + " Keiko");
        assertThat(names("/api/customers?name=%25%20" + unique)).containsExactly("100% " + unique);
        assertThat(names("/api/customers?name=_akamura" + unique.substring(8))).isEmpty();
    }

    private java.util.List<String> names(String path) {
        ApiClient.Response response = client.get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.json()
                .get("results")
                .valueStream()
                .map(c -> c.get("name").asString())
                .toList();
    }

    @Test
    void aMessageSaysWhoSentItByName() {
        long customer = api.customer(uniqueMobile());
        String phone = client.get("/api/customers/" + customer)
                .json()
                .get("phone_number")
                .asString();
        long template = api.template(customer, "Who sent this");
        long id = api.send(phone, api.token(customer), customer, template)
                .json()
                .get("id")
                .asLong();

        JsonNode detail = client.get("/api/sms/messages/" + id).json();
        assertThat(detail.get("sent_by_username").asString()).isEqualTo(username);
    }

    @Test
    void everyResponseCarriesTheContentSecurityPolicySwaggerUiExcepted() {
        assertThat(client.get("/api/auth/me").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(client().get("/").headers().firstValue("Content-Security-Policy"))
                .isPresent();
        assertThat(client().get("/").headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(client().get("/swagger-ui/index.html").headers().firstValue("Content-Security-Policy"))
                .isEmpty();
    }
}
