package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class AuthHttpTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginThrottle throttle;

    @BeforeEach
    void forgetFailures() {
        throttle.reset();
    }

    @Test
    void loginReturnsTheUserAndSetsCsrfCookieInTheSameResponse() {
        String username = testUsers.staff();
        ApiClient client = client();

        ApiClient.Response response = client.login(username, TestUsers.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("username").asString()).isEqualTo(username);
        assertThat(response.json().path("is_staff").asBoolean()).isTrue();
        assertThat(response.json().has("password")).isFalse();
        List<String> cookies = response.headers().allValues("Set-Cookie");
        String csrf = cookies.stream()
                .filter(c -> c.startsWith("csrftoken="))
                .findFirst()
                .orElseThrow();
        assertThat(csrf).contains("Path=/").contains("SameSite=Lax").doesNotContainIgnoringCase("HttpOnly");
        assertThat(cookies).anyMatch(c -> c.startsWith("sessionid=") && c.contains("HttpOnly"));
    }

    @Test
    void loginShowsTheProfile() {
        String username = testUsers.staff();
        long id = jdbc.sql("select id from users where username = ?")
                .param(username)
                .query(Long.class)
                .single();
        jdbc.sql("insert into profiles (user_id, employee_id, full_name) values (?, ?, ?)")
                .params(id, "E-" + id, "山田花子")
                .update();

        ApiClient.Response response = client().login(username, TestUsers.PASSWORD);

        assertThat(response.json().path("profile").path("employee_id").asString())
                .isEqualTo("E-" + id);
        assertThat(response.json().path("profile").path("full_name").asString()).isEqualTo("山田花子");
    }

    @Test
    void wrongPasswordAndUnknownUserLookTheSame() {
        String username = testUsers.staff();

        ApiClient.Response wrongPassword = client().login(username, "wrong password");
        ApiClient.Response unknownUser = client().login("nobody-" + username, "wrong password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        for (String field : List.of("type", "title", "status", "detail")) {
            assertThat(wrongPassword.json().path(field))
                    .isEqualTo(unknownUser.json().path(field));
        }
        assertThat(wrongPassword.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void missingFieldsAndMalformedJsonGive400() {
        ApiClient.Response missing = client().post("/api/auth/login", Map.of("username", "admin"));
        ApiClient.Response malformed = client().post("/api/auth/login", "{\"username\": ");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").has("password")).isTrue();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.type()).isEqualTo("urn:sms:problem:malformed-request");
        assertThat(malformed.text()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void inactiveUserCannotLogIn() {
        String username = testUsers.staff();
        jdbc.sql("update users set is_active = false where username = ?")
                .param(username)
                .update();

        assertThat(client().login(username, TestUsers.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void sessionIdChangesAtLogin() {
        String username = testUsers.staff();
        ApiClient client = client();
        client.login(username, TestUsers.PASSWORD);
        String first = client.cookie("sessionid");

        client.login(username, TestUsers.PASSWORD);

        assertThat(client.cookie("sessionid")).isNotNull().isNotEqualTo(first);
    }

    @Test
    void plantedSessionIdIsNotKept() {
        String username = testUsers.staff();
        ApiClient client = client();
        client.setCookie("sessionid", "YXR0YWNrZXItY2hvc2Vu");

        ApiClient.Response response = client.login(username, TestUsers.PASSWORD);

        assertThat(response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("sessionid="))
                .noneMatch(c -> c.startsWith("sessionid=YXR0YWNrZXItY2hvc2Vu"));
        assertThat(client.get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anonymousApiRequestGets401ProblemNotRedirect() {
        ApiClient.Response response = client().get("/api/auth/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.type()).isEqualTo("urn:sms:problem:not-authenticated");
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void meReturnsTheLoggedInUser() {
        String username = testUsers.staff();
        ApiClient client = client();
        client.login(username, TestUsers.PASSWORD);

        ApiClient.Response me = client.get("/api/auth/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo(username);
    }

    @Test
    void unsafeRequestWithoutCsrfHeaderIsForbidden() {
        ApiClient client = loggedIn().withoutCsrf();

        ApiClient.Response response = client.post("/api/auth/logout", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.type()).isEqualTo("urn:sms:problem:csrf-token-missing");
    }

    @Test
    void unsafeRequestWithCsrfHeaderAndLocalhost3000RefererPasses() {
        ApiClient client = loggedIn().header("Referer", "http://localhost:3000/dashboard");

        assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);
        assertThat(client.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void wrongCsrfTokenIsForbidden() {
        ApiClient client = loggedIn().withoutCsrf();

        ApiClient.Response response =
                client.send("POST", "/api/auth/logout", null, Map.of("X-CSRFToken", "forged-token"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.type()).isEqualTo("urn:sms:problem:csrf-token-invalid");
    }

    @Test
    void tokenFetchedBeforeLoginIsStaleAfterLogin() {
        ApiClient client = client().withoutCsrf();
        client.get("/api/auth/csrf");
        String before = client.cookie("csrftoken");
        client.login(testUsers.staff(), TestUsers.PASSWORD);

        ApiClient.Response response = client.send("POST", "/api/auth/logout", null, Map.of("X-CSRFToken", before));

        assertThat(before).isNotNull().isNotEqualTo(client.cookie("csrftoken"));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void foreignOriginIsForbidden() {
        ApiClient client = loggedIn().header("Origin", "http://evil.example");

        ApiClient.Response response = client.post("/api/auth/logout", null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.type()).isEqualTo("urn:sms:problem:csrf-origin");
        assertThat(response.json().path("detail").asString()).contains("evil.example");
    }

    @Test
    void foreignRefererIsForbidden() {
        ApiClient client = loggedIn().header("Referer", "https://evil.example/page");

        assertThat(client.post("/api/auth/logout", null).type()).isEqualTo("urn:sms:problem:csrf-referer");
    }

    @Test
    void ownOriginIsTrusted() {
        ApiClient client = loggedIn().header("Origin", "http://localhost:" + port);

        assertThat(client.post("/api/auth/logout", null).status()).isEqualTo(204);
    }

    @Test
    void csrfEndpointSetsTheCookie() {
        ApiClient.Response response = client().get("/api/auth/csrf");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("csrftoken="));
    }

    @Test
    void djangoHashLogsInAndIsRehashed() {
        String username = testUsers.staff();
        // Made with Python's hashlib.pbkdf2_hmac('sha256', b'django-secret-1', salt, 260000), as Django 3.2 does.
        String djangoHash = "pbkdf2_sha256$260000$QxU9kR2pLmZ7vT3w$fVyNbgrEhTHeoMvlqB0UHEyBETtAO+bxRXynXG+FCJU=";
        jdbc.sql("update users set password = ? where username = ?")
                .params(djangoHash, username)
                .update();

        ApiClient.Response wrong = client().login(username, "django-secret-2");
        ApiClient.Response right = client().login(username, "django-secret-1");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(right.status()).isEqualTo(200);
        String stored = jdbc.sql("select password from users where username = ?")
                .param(username)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}");
        assertThat(client().login(username, "django-secret-1").status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        String username = testUsers.staff();
        for (int i = 0; i < 5; i++) {
            assertThat(client().login(username, "wrong").status()).isEqualTo(401);
        }

        ApiClient.Response throttled = client().login(username, TestUsers.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(throttled.type()).isEqualTo("urn:sms:problem:login-throttled");
    }

    private ApiClient loggedIn() {
        ApiClient client = client();
        assertThat(client.login(testUsers.staff(), TestUsers.PASSWORD).status()).isEqualTo(200);
        return client;
    }
}
