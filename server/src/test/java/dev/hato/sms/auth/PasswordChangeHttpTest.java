package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PasswordChangeHttpTest extends HttpTest {

    static final String NEW_PASSWORD = "violet tugboat ledger thimble";

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        String user = testUsers.staff();
        ApiClient here = loggedIn(user, TestUsers.PASSWORD);
        ApiClient elsewhere = loggedIn(user, TestUsers.PASSWORD);

        ApiClient.Response changed = change(here, TestUsers.PASSWORD, NEW_PASSWORD);

        assertThat(changed.status()).isEqualTo(204);
        assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(here.get("/api/customers").status()).isEqualTo(200);
        ApiClient.Response ended = elsewhere.get("/api/auth/me");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.json().path("type").asString()).endsWith(":session-revoked");
        assertThat(client().login(user, TestUsers.PASSWORD).status()).isEqualTo(401);
        assertThat(client().login(user, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedOnItsFieldAndChangesNothing() {
        String user = testUsers.staff();
        ApiClient here = loggedIn(user, TestUsers.PASSWORD);

        ApiClient.Response refused = change(here, "not my password at all", NEW_PASSWORD);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).endsWith(":validation-failed");
        assertThat(refused.json().path("errors").has("current_password")).isTrue();
        assertThat(client().login(user, TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordMustPassThePolicyAndDifferFromTheCurrentOne() {
        String user = testUsers.staff();
        ApiClient here = loggedIn(user, TestUsers.PASSWORD);

        ApiClient.Response weak = change(here, TestUsers.PASSWORD, "password1234");
        ApiClient.Response same = change(here, TestUsers.PASSWORD, TestUsers.PASSWORD);
        ApiClient.Response missing = here.post("/api/auth/password", Map.of("current_password", TestUsers.PASSWORD));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").has("new_password")).isTrue();
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().path("errors").path("new_password").toString()).contains("differ");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(client().login(user, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void whileAChangeIsForcedEveryOtherCallIsRefusedUntilTheMemberSetsTheirOwn() {
        String user = testUsers.staff();
        // What a superuser's add or reset leaves (the team endpoints set it; here the row is set directly).
        jdbc.sql("update users set must_change_password = true where username = ?")
                .param(user)
                .update();
        ApiClient member = client();

        ApiClient.Response login = member.login(user, TestUsers.PASSWORD);
        ApiClient.Response customers = member.get("/api/customers");
        ApiClient.Response send = member.post("/api/sms/send", Map.of());
        ApiClient.Response me = member.get("/api/auth/me");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("must_change_password").asBoolean()).isTrue();
        assertThat(customers.status()).isEqualTo(403);
        assertThat(customers.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(customers.json().path("type").asString()).endsWith(":password-change-required");
        assertThat(send.json().path("type").asString()).endsWith(":password-change-required");
        assertThat(me.status()).isEqualTo(200);

        assertThat(change(member, TestUsers.PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

        assertThat(member.get("/api/customers").status()).isEqualTo(200);
        assertThat(member.get("/api/auth/me")
                        .json()
                        .path("must_change_password")
                        .asBoolean())
                .isFalse();
        assertThat(client().login(user, NEW_PASSWORD)
                        .json()
                        .path("must_change_password")
                        .asBoolean())
                .isFalse();
    }

    private ApiClient loggedIn(String user, String password) {
        ApiClient c = client();
        assertThat(c.login(user, password).status()).isEqualTo(200);
        return c;
    }

    private static ApiClient.Response change(ApiClient client, String current, String next) {
        return client.post("/api/auth/password", Map.of("current_password", current, "new_password", next));
    }
}
