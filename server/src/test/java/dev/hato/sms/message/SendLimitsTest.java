package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.SmsApplication;
import dev.hato.sms.auth.Users;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.SmsApi;
import dev.hato.sms.support.TestDatabase;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Each send limit refuses at its bound when the sends are spread over two instances on one database. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SendLimitsTest {

    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static final long NUMBERS = System.nanoTime() % 1_000_000L;
    static int next;

    @BeforeAll
    static void twoInstances() {
        String url = TestDatabase.jdbcUrl("send_limits");
        first = start(url);
        second = start(url);
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
    }

    @Test
    @Order(1)
    void perDestinationPerHour() throws Exception {
        Staff staff = staff("dest");
        String phone = phone();
        assertThat(staff.onFirst.sendTo(phone, "a").status()).isEqualTo(202);
        synced();
        assertThat(staff.onSecond.sendTo(phone, "b").status()).isEqualTo(202);
        synced();

        ApiClient.Response refused = staff.onFirst.sendTo(phone, "c");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:sms:problem:destination-rate-limited");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(2)
    void perUserPerMinute() throws Exception {
        if (LocalTime.now().getSecond() > 50) {
            Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L); // stay inside one minute
        }
        Staff staff = staff("user");
        assertThat(staff.onFirst.sendTo(phone(), "a").status()).isEqualTo(202);
        assertThat(staff.onFirst.sendTo(phone(), "b").status()).isEqualTo(202);
        synced();
        assertThat(staff.onSecond.sendTo(phone(), "c").status()).isEqualTo(202);
        synced();

        ApiClient.Response refused = staff.onFirst.sendTo(phone(), "d");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:sms:problem:send-rate-limited");
    }

    @Test
    @Order(3) // last: it uses up the day
    void dailySegments() throws Exception {
        String threeSegments = "x".repeat(400);
        // 40 segments a day; the other tests of this class use up to 5 of them. A new staff member for
        // each send, so only the daily limit can refuse.
        for (int i = 0; i < 13; i++) {
            Staff staff = staff("daily");
            int status = (i % 2 == 0 ? staff.onFirst : staff.onSecond)
                    .sendTo(phone(), threeSegments)
                    .status();
            if (status == 429) {
                break;
            }
            synced();
        }

        ApiClient.Response refused = staff("daily").onSecond.sendTo(phone(), threeSegments);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:sms:problem:daily-segment-limit");
    }

    record Staff(Sender onFirst, Sender onSecond) {}

    record Sender(SmsApi api) {
        ApiClient.Response sendTo(String phone, String text) {
            long customer = api.customer(phone);
            return api.send(phone, api.token(customer), customer, api.template(customer, text));
        }
    }

    private static Staff staff(String name) {
        String username = name + System.nanoTime();
        first.getBean(Users.class)
                .create(username, "", first.getBean(PasswordEncoder.class).encode("limits-password"), true, false);
        return new Staff(sender(first, username), sender(second, username));
    }

    private static Sender sender(ConfigurableApplicationContext context, String username) {
        ApiClient client = new ApiClient("http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort());
        assertThat(client.login(username, "limits-password").status()).isEqualTo(200);
        return new Sender(new SmsApi(client));
    }

    private static synchronized String phone() {
        return String.format("0903%07d", (NUMBERS + next++) % 10_000_000L);
    }

    /** Longer than the sync interval: both instances have read each other's counts. */
    private static void synced() throws InterruptedException {
        Thread.sleep(1_200);
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(SmsApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--sms.dispatch.enabled=false",
                        "--sms.limits.per-user-per-minute=3",
                        "--sms.limits.per-destination-per-hour=2",
                        "--sms.limits.daily-segments=40",
                        "--sms.limits.sync-interval=200ms");
    }
}
