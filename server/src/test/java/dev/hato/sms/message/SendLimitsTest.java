package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.auth.Users;
import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.ServiceInstance;
import dev.hato.sms.support.SmsApi;
import dev.hato.sms.support.TestClock;
import dev.hato.sms.support.TestDatabase;
import dev.hato.sms.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Each send limit refuses at its bound when the sends are spread over three instances on one database.
 * All run on one test clock, stopped for each test inside its own window (no minute or hour boundary
 * can fall between its sends; the daily tests have days of their own), and share their counts when the
 * test says so, not on a timer.
 */
class SendLimitsTest {

    static final ZoneId DAY_ZONE = ZoneId.of("Asia/Tokyo");
    static final TestClock CLOCK = new TestClock();
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static ConfigurableApplicationContext third;
    static final long NUMBERS = System.nanoTime() % 1_000_000L;
    static int next;

    @BeforeAll
    static void twoInstances() {
        String url = TestDatabase.jdbcUrl("send_limits");
        first = start(url);
        second = start(url);
        third = start(url);
    }

    @AfterAll
    static void stop() {
        if (third != null) {
            third.close();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @BeforeEach
    void stopTheClockNow() {
        CLOCK.freezeAt(Instant.now());
    }

    @Test
    void aNumberIsRefusedAtItsHourlyLimitAcrossInstances() throws Exception {
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
    void aStaffMemberIsRefusedAtTheLimitPerMinuteAcrossInstances() throws Exception {
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
    void theServiceIsRefusedAtItsDailySegmentLimitAcrossInstances() throws Exception {
        // A day the other tests do not use (they run today): yesterday, at noon in the limits' zone.
        CLOCK.freezeAt(LocalDate.now(DAY_ZONE)
                .minusDays(1)
                .atTime(12, 0)
                .atZone(DAY_ZONE)
                .toInstant());
        String threeSegments = "x".repeat(400);
        // 40 segments a day. A new staff member for each send, so only the daily limit can refuse.
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

    @Test
    void anInstanceThatMeetsTheDayLateReadsTheSharedCountBeforeItAcceptsAnything() throws Exception {
        freezeAtNoon(3);
        String threeSegments = "x".repeat(400);
        for (int i = 0; i < 13; i++) { // 39 of the day's 40 segments, all through the first instance
            assertThat(staff("late").onFirst.sendTo(phone(), threeSegments).status())
                    .isEqualTo(202);
        }
        first.getBean(SharedCounters.class).sync();

        ApiClient.Response refused = staff("late").onThird.sendTo(phone(), threeSegments);

        assertThat(refused.status())
                .as("the third instance's first send of the day (was: its count started at 0)")
                .isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:sms:problem:daily-segment-limit");
    }

    @Test
    void aStaffMemberIsRefusedAtTheirOwnDailySegmentsAcrossInstances() throws Exception {
        freezeAtNoon(4);
        Staff staff = staff("own-day");
        String threeSegments = "x".repeat(400);
        Sender[] rotation = {staff.onFirst, staff.onSecond, staff.onThird};
        for (int i = 0; i < 4; i++) { // 12 segments: the staff member's own limit; the service's is 40
            assertThat(rotation[i % 3].sendTo(phone(), threeSegments).status()).isEqualTo(202);
            synced();
            CLOCK.advance(java.time.Duration.ofMinutes(1)); // not the per-minute limit
        }

        ApiClient.Response refused = staff.onSecond.sendTo(phone(), threeSegments);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.type()).isEqualTo("urn:sms:problem:user-daily-segment-limit");
        assertThat(staff("other").onSecond.sendTo(phone(), threeSegments).status())
                .as("another staff member that day")
                .isEqualTo(202);
    }

    /**
     * The bound docs/reliability.md states: within a window, each instance decides from the count it last
     * read, so before their next sync N instances together accept at most N times the limit; from the
     * first sync on, the window holds.
     */
    @Test
    void atAMinuteBoundaryThreeInstancesAcceptAtMostThreeTimesTheLimitUntilTheyShareTheirCounts() throws Exception {
        Staff staff = staff("boundary");
        CLOCK.freezeAt(
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60));
        Sender[] rotation = {staff.onFirst, staff.onSecond, staff.onThird};
        int acceptedBeforeSync = 0;
        for (int i = 0; i < 15; i++) {
            if (rotation[i % 3].sendTo(phone(), "a").status() == 202) {
                acceptedBeforeSync++;
            }
        }
        synced();
        int acceptedAfterSync = 0;
        for (int i = 0; i < 6; i++) {
            if (rotation[i % 3].sendTo(phone(), "b").status() == 202) {
                acceptedAfterSync++;
            }
        }

        assertThat(acceptedBeforeSync).as("limit 3 per minute, 3 instances").isLessThanOrEqualTo(3 * 3);
        assertThat(acceptedAfterSync).isZero();
    }

    record Staff(Sender onFirst, Sender onSecond, Sender onThird) {}

    record Sender(SmsApi api) {
        ApiClient.Response sendTo(String phone, String text) {
            long customer = api.customer(phone);
            return api.send(phone, api.token(customer), customer, api.template(customer, text));
        }
    }

    private static Staff staff(String name) {
        String username = name + System.nanoTime();
        first.getBean(Users.class).create(username, "", TestUsers.PASSWORD_HASH, true, false);
        return new Staff(sender(first, username), sender(second, username), sender(third, username));
    }

    private static Sender sender(ConfigurableApplicationContext context, String username) {
        ApiClient client = new ApiClient(ServiceInstance.baseUrl(context));
        assertThat(client.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        return new Sender(new SmsApi(client));
    }

    private static synchronized String phone() {
        return String.format("0903%07d", (NUMBERS + next++) % 10_000_000L);
    }

    /** Every instance has shared its counts and read the others' (what each sync interval does). */
    private static void synced() {
        first.getBean(SharedCounters.class).sync();
        second.getBean(SharedCounters.class).sync();
        third.getBean(SharedCounters.class).sync();
        first.getBean(SharedCounters.class).sync();
        second.getBean(SharedCounters.class).sync();
    }

    /** Noon, {@code daysAgo} days ago in the limits' zone: a day no other test sends on. */
    private static void freezeAtNoon(int daysAgo) {
        CLOCK.freezeAt(LocalDate.now(DAY_ZONE)
                .minusDays(daysAgo)
                .atTime(12, 0)
                .atZone(DAY_ZONE)
                .toInstant());
    }

    private static ConfigurableApplicationContext start(String url) {
        return ServiceInstance.start(
                url,
                CLOCK,
                "--sms.dispatch.enabled=false",
                "--sms.limits.per-user-per-minute=3",
                "--sms.limits.per-destination-per-hour=2",
                "--sms.limits.daily-segments=40",
                "--sms.limits.per-user-daily-segments=12",
                // No sync on a timer: the test syncs (synced()) where the old one waited for the interval.
                "--sms.limits.sync-interval=1h",
                "--sms.limits.day-zone=" + DAY_ZONE);
    }
}
