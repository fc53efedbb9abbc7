package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.TestDatabase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A failed login takes at least sms.security.failed-login-duration whatever it was checked against, so
 * its duration does not tell unknown users, Django hashes and bcrypt hashes apart. (The floor is the
 * assertion; the medians are printed for docs/reliability.md.)
 */
class LoginTimingTest {

    @Test
    void unknownUserDjangoHashAndBcryptHashFailAfterTheSameFloor() {
        try (ConfigurableApplicationContext service = ServiceInstance.start(
                TestDatabase.jdbcUrl(),
                null,
                "--sms.dispatch.enabled=false",
                "--sms.security.failed-login-duration=300ms",
                // The production cost, not the suite's cheap one: the medians printed go into the docs.
                "--sms.security.bcrypt-strength=10",
                "--sms.security.login-throttle.max-failures-per-username=1000",
                "--sms.security.login-throttle.max-failures-per-address=1000")) {
            Users users = service.getBean(Users.class);
            String suffix = Long.toString(System.nanoTime());
            users.create(
                    "bcrypt" + suffix,
                    "",
                    service.getBean(PasswordEncoder.class).encode("password-1"),
                    true,
                    false);
            String django = DjangoHashes.of("password-1");
            assertThat(new DjangoPbkdf2PasswordEncoder().matches("password-1", django))
                    .isTrue();
            users.create("django" + suffix, "", django, true, false);
            String base = ServiceInstance.baseUrl(service);
            service.getBean(JdbcClient.class).sql("delete from login_failures").update();

            Map<String, long[]> millis = new LinkedHashMap<>();
            for (String user : new String[] {"nobody" + suffix, "bcrypt" + suffix, "django" + suffix}) {
                long[] times = new long[7];
                for (int i = 0; i < times.length; i++) {
                    long started = System.nanoTime();
                    int status =
                            new ApiClient(base).login(user, "wrong-password").status();
                    times[i] = (System.nanoTime() - started) / 1_000_000;
                    assertThat(status).isEqualTo(401);
                }
                millis.put(user.replace(suffix, ""), times);
            }

            millis.forEach((user, times) -> {
                long[] sorted = times.clone();
                Arrays.sort(sorted);
                System.out.println("failed login, " + user + ": median " + sorted[sorted.length / 2] + " ms, min "
                        + sorted[0] + " ms, max " + sorted[sorted.length - 1] + " ms");
                assertThat(sorted[0]).as(user + " fastest failure (ms)").isGreaterThanOrEqualTo(300);
            });
        }
    }
}
