package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import dev.hato.sms.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

class SharedSessionTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Test
    void twoInstancesOnOneDatabaseShareLoginsAndLoginThrottling() {
        try (ConfigurableApplicationContext second =
                ServiceInstance.start(TestDatabase.jdbcUrl(), null, "--sms.dispatch.enabled=false")) {

            ApiClient first = client();
            first.login(testUsers.staff(), TestUsers.PASSWORD);

            ApiClient other = new ApiClient(ServiceInstance.baseUrl(second));
            other.setCookie("sessionid", first.cookie("sessionid"));
            other.setCookie("csrftoken", first.cookie("csrftoken"));

            assertThat(other.get("/api/auth/me").status()).isEqualTo(200);
            assertThat(other.post("/api/auth/logout", null).status()).isEqualTo(204);
            assertThat(first.get("/api/auth/me").status()).isEqualTo(401);

            String target = testUsers.staff();
            for (int i = 0; i < 5; i++) {
                assertThat(client().login(target, "wrong").status()).isEqualTo(401);
            }
            assertThat(new ApiClient(ServiceInstance.baseUrl(second))
                            .login(target, TestUsers.PASSWORD)
                            .status())
                    .as("failed logins on one instance throttle the other too")
                    .isEqualTo(429);
        }
    }
}
