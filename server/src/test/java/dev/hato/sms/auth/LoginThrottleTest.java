package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hato.sms.support.TestClock;
import dev.hato.sms.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The login throttle's three keys with the default limits, on PostgreSQL, moving a test clock instead
 * of waiting: spraying one account from many addresses and one address across many accounts is slowed,
 * while other people's failures never refuse a user at an office address or one they logged in from
 * before. The per-hour bounds printed here are the ones docs/reliability.md states.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {

    static final String OFFICE = "198.51.100.0/28";
    static final AtomicInteger UNIQUE = new AtomicInteger();

    HikariDataSource dataSource;
    LoginThrottle throttle;
    TestClock clock = new TestClock();

    @BeforeAll
    void database() {
        String url = TestDatabase.jdbcUrl("throttle");
        Flyway.configure().dataSource(url, "postgres", "").load().migrate();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        SecurityProperties defaults = new Binder(new MapConfigurationPropertySource(
                        Map.of("sms.security.login-throttle.office-addresses", OFFICE)))
                .bindOrCreate("sms.security", SecurityProperties.class);
        throttle = new LoginThrottle(JdbcClient.create(dataSource), defaults, clock);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void oneUsernameSprayedFromTwelveAddressesIsSlowedAfterTenFailures() {
        String username = unique("sprayed");
        String network = uniqueNetwork();
        int allowed = 0;
        for (int i = 0; i < 48; i++) {
            if (throttle.attempt(username, network + (i % 12)).isEmpty()) {
                allowed++;
            }
        }

        assertThat(allowed).as("of 48 attempts, 4 from each of 12 addresses").isEqualTo(10);
    }

    @Test
    void oneAddressTryingManyUsernamesIsSlowedAfterTwentyFailures() {
        String address = uniqueAddress();
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            if (throttle.attempt(unique("victim"), address).isEmpty()) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(20);
    }

    @Test
    void typosOfOthersAtAnOfficeAddressNeverSlowAUserThere() {
        String office = "198.51.100.7";
        for (int i = 0; i < 25; i++) {
            throttle.attempt(unique("colleague"), office);
        }

        assertThat(throttle.attempt(unique("superuser"), office)).isEmpty();
    }

    @Test
    void typosOfOthersBehindOneAddressDoNotSlowAUserWhoLoggedInFromThereBefore() {
        String address = uniqueAddress();
        String superuser = unique("superuser");
        assertThat(throttle.attempt(superuser, address)).isEmpty();
        throttle.succeeded(superuser, address);
        for (int i = 0; i < 25; i++) {
            throttle.attempt(unique("colleague"), address);
        }

        assertThat(throttle.attempt(superuser, address)).isEmpty();
    }

    @Test
    void anAttackerSprayingAnAccountDoesNotSlowItsOwnerAtAnAddressTheyUsedBefore() {
        String username = unique("owner");
        String home = uniqueAddress();
        throttle.attempt(username, home);
        throttle.succeeded(username, home);
        String attacker = uniqueNetwork();
        for (int i = 0; i < 40; i++) {
            throttle.attempt(username, attacker + i);
        }

        assertThat(throttle.attempt(username, attacker + 200))
                .as("the attacker")
                .isPresent();
        assertThat(throttle.attempt(username, home)).as("the owner at home").isEmpty();
    }

    @Test
    void aUserWhoMadeTheirOwnTyposIsSlowedByTheAccountsCountLikeAnyoneElse() {
        String username = unique("owner");
        String home = uniqueAddress();
        throttle.attempt(username, home);
        throttle.succeeded(username, home);
        String attacker = uniqueNetwork();
        for (int i = 0; i < 12; i++) {
            throttle.attempt(username, attacker + i);
        }
        throttle.attempt(username, home); // a typo at home: the address now has a failure for the user

        assertThat(throttle.attempt(username, home)).isPresent();
    }

    /** Attempts allowed in one hour to an attacker who retries the moment each Retry-After ends. */
    @Test
    void anAttackerGetsAtMostTheStatedAttemptsPerHour() {
        String pairUser = unique("pair");
        String pairAddress = uniqueAddress();
        int perPair = perHour(i -> new String[] {pairUser, pairAddress});
        String sprayed = unique("sprayed");
        String network = uniqueNetwork();
        int perUsername = perHour(i -> new String[] {sprayed, network + (i % 250)});
        String address = uniqueAddress();
        int perAddress = perHour(i -> new String[] {unique("victim"), address});
        System.out.printf(
                "login throttle per hour: %d per (username, address), %d per username, %d per address%n",
                perPair, perUsername, perAddress);

        // docs/reliability.md states these bounds (default limits: 5, 10, 20 per 15 minutes).
        assertThat(perPair).isLessThanOrEqualTo(56);
        assertThat(perUsername).isLessThanOrEqualTo(76);
        assertThat(perAddress).isLessThanOrEqualTo(116);
    }

    private int perHour(IntFunction<String[]> attempt) {
        clock.freezeAt(Instant.now());
        Instant end = clock.instant().plus(Duration.ofHours(1));
        int allowed = 0;
        for (int i = 0; clock.instant().isBefore(end); i++) {
            String[] who = attempt.apply(i);
            Optional<Duration> wait = throttle.attempt(who[0], who[1]);
            if (wait.isEmpty()) {
                allowed++;
                clock.advance(Duration.ofMillis(100));
            } else {
                clock.advance(wait.get());
            }
        }
        clock.reset();
        return allowed;
    }

    private static String unique(String what) {
        return what + System.nanoTime() + "-" + UNIQUE.incrementAndGet();
    }

    /** An address no other test uses (every test has keys of its own in the one database). */
    private static String uniqueAddress() {
        return uniqueNetwork() + "1";
    }

    /** "10.a.b." with a and b no other test uses: a network of 254 addresses of this test's own. */
    private static String uniqueNetwork() {
        int n = UNIQUE.incrementAndGet();
        return "10." + (n >> 8 & 255) + "." + (n & 255) + ".";
    }
}
