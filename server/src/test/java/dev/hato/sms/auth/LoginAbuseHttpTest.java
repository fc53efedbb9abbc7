package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.RawHttp;
import dev.hato.sms.support.TestClock;
import dev.hato.sms.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login throttling that parallel attempts cannot race, that does not lock a user out for everyone, and
 * password hashes that cannot fail or be abused. */
class LoginAbuseHttpTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void forgetAttempts() {
        throttle.reset();
    }

    @Test
    void fortyParallelWrongPasswordsGetAtMostFiveChecked() throws Exception {
        String username = testUsers.staff();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Callable<Integer> attempt = () -> client().login(username, "wrong").status();
            answers.add(pool.submit(attempt));
        }
        int checked = 0;
        int throttled = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status == 401) {
                checked++;
            } else if (status == 429) {
                throttled++;
            }
        }
        pool.shutdown();

        assertThat(checked).isEqualTo(5);
        assertThat(throttled).isEqualTo(35);
    }

    @Test
    void anAttackerElsewhereCannotLockTheUserOut() throws Exception {
        String username = testUsers.staff();
        RawHttp attacker = new RawHttp(port, "127.0.0.2");
        for (int i = 0; i < 8; i++) {
            attacker.send(login(username, "wrong"), body(username, "wrong"));
        }
        assertThat(attacker.send(login(username, TestUsers.PASSWORD), body(username, TestUsers.PASSWORD))
                        .status())
                .as("the attacker's address is throttled")
                .isEqualTo(429);

        RawHttp user = new RawHttp(port, "127.0.0.3");
        assertThat(user.send(login(username, TestUsers.PASSWORD), body(username, TestUsers.PASSWORD))
                        .status())
                .as("the real user, from elsewhere, still logs in")
                .isEqualTo(200);
    }

    @Test
    void fortyEightWrongPasswordsForOneUsernameFromTwelveAddressesAreSlowedAfterTheTenth() throws Exception {
        String username = testUsers.staff();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        // Stopped: on a slow machine the first delay (1 s) could lapse between two of the attempts.
        clock.freezeAt(clock.instant());
        try {
            for (int i = 0; i < 48; i++) {
                RawHttp address = new RawHttp(port, "127.0.1." + (10 + i % 12));
                byStatus.merge(
                        address.send(login(username, "wrong"), body(username, "wrong"))
                                .status(),
                        1,
                        Integer::sum);
            }
        } finally {
            clock.reset();
        }

        assertThat(byStatus).isEqualTo(Map.of(401, 10, 429, 38));
    }

    @Test
    void aForgedForwardedForHeaderDoesNotMoveTheAttemptsElsewhere() {
        String username = testUsers.staff();
        for (int i = 0; i < 5; i++) {
            client().header("X-Forwarded-For", "10.0.0." + i).login(username, "wrong");
        }

        assertThat(client().header("X-Forwarded-For", "10.9.9.9")
                        .login(username, "wrong")
                        .status())
                .isEqualTo(429);
    }

    @Test
    void aUsernameThatGrowsWhenLowerCasedFailsLikeAnyOtherAndIsCounted() {
        // 140 × "İ" lower-cases to 280 characters (was: longer than the throttle's key column, a 500
        // with a stack trace on every attempt, and none of them counted).
        String username = "İ".repeat(140) + String.format("%010d", System.nanoTime() % 10_000_000_000L);
        List<ApiClient.Response> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(client().login(username, "wrong"));
        }

        assertThat(answers.subList(0, 5)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        });
        assertThat(answers.get(5).status())
                .as("the sixth attempt, over the limit")
                .isEqualTo(429);
    }

    @Test
    void aUsernameIsOneUserWhicheverUnicodeFormItIsTypedIn() {
        String suffix = Long.toString(System.nanoTime());
        users.create("file" + suffix, "", passwordEncoder.encode("a-long-password"), true, false);

        // "ﬁ" is one ligature character; NFKC (Django's normalize_username) makes it "fi".
        assertThat(client().login("ﬁle" + suffix, "a-long-password").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            client().login("ﬁle" + suffix, "wrong");
        }
        assertThat(client().login("file" + suffix, "wrong").status())
                .as("the failures under the ligature form count for the plain one")
                .isEqualTo(429);
    }

    @Test
    void aDjangoHashOfAPasswordLongerThanBcryptAcceptsLogsInAndKeepsWorking() {
        String username = testUsers.staff();
        String longPassword = "あ".repeat(25); // 75 bytes: more than bcrypt reads
        String django = DjangoHashes.of(longPassword);
        jdbc.sql("update users set password = ? where username = ?")
                .params(django, username)
                .update();

        assertThat(client().login(username, longPassword).status()).isEqualTo(200);
        assertThat(client().login(username, longPassword).status()).isEqualTo(200);
        assertThat(client().login(username, "あ".repeat(24) + "い").status())
                .as("the 25th character counts")
                .isEqualTo(401);
    }

    @Test
    void aNewPasswordLongerThanBcryptReadsIsStoredWhole() {
        String username = "long" + System.nanoTime();
        String longPassword = "パスワード".repeat(6);
        users.create(username, "", passwordEncoder.encode(longPassword), true, false);

        assertThat(client().login(username, longPassword).status()).isEqualTo(200);
        assertThat(client().login(username, "パスワード".repeat(5) + "パスワーX").status())
                .isEqualTo(401);
    }

    @Test
    void aHashWithAnAbsurdIterationCountIsRefusedWithoutComputingIt() {
        String username = testUsers.staff();
        jdbc.sql("update users set password = ? where username = ?")
                .params("pbkdf2_sha256$2000000000$salt$kuOTY4nDwvjt2hiSBx+IICHtx1WrwOIKCN88IQGWhoo=", username)
                .update();

        long started = System.nanoTime();
        ApiClient.Response login = client().login(username, "anything");

        assertThat(login.status()).isEqualTo(401);
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(5_000);
    }

    @Test
    void aNulInTheUsernameIsAFieldErrorNotA500() {
        ApiClient.Response login =
                client().post("/api/auth/login", "{\"username\":\"ad\\u0000min\",\"password\":\"x\"}");

        assertThat(login.status()).isEqualTo(400);
        assertThat(login.json().path("errors").path("username").get(0).asString())
                .contains("NUL");
    }

    private String login(String username, String password) {
        return "POST /api/auth/login HTTP/1.1\r\nContent-Type: application/json";
    }

    private static byte[] body(String username, String password) {
        return ("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
