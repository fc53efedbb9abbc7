package dev.hato.sms.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** HTTP tests that act as a freshly logged-in staff member (with CSRF header and Referer, as real clients). */
public abstract class LoggedInTest extends HttpTest {

    @Autowired
    protected TestUsers testUsers;

    protected ApiClient client;
    protected SmsApi api;
    protected String username;

    @BeforeEach
    void logIn() {
        username = asSuperuser() ? testUsers.superuser() : testUsers.staff();
        client = client();
        assertThat(client.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
        api = new SmsApi(client);
    }

    /** Tests of superuser-only figures log in with the superuser flag. */
    protected boolean asSuperuser() {
        return false;
    }

    /** A mobile number nobody else in the test database uses, in national format. */
    protected static String uniqueMobile() {
        return String.format("0901%07d", NUMBERS.incrementAndGet() % 10_000_000L);
    }

    private static final AtomicLong NUMBERS = new AtomicLong(Math.floorMod(System.nanoTime(), 10_000_000L));
}
