package dev.hato.sms.support;

import dev.hato.sms.auth.Users;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates staff users with unique names, so tests sharing one database never collide. They all get one
 * bcrypt hash of {@link #PASSWORD}, made once at cost 4: the service verifies it as any bcrypt hash (and
 * does not re-hash a bcrypt one), while hashing and checking at the production cost for every test user
 * was a third of the test JVM's CPU. Tests about hashing make their own hashes.
 */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    public static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Users users;

    public TestUsers(Users users) {
        this.users = users;
    }

    public String staff() {
        return create(true);
    }

    /** An active user without is_staff: may not use the service at all. */
    public String nonStaff() {
        return create(false);
    }

    /** A staff user with the superuser flag (may read the operations figures). */
    public String superuser() {
        return create(true, true);
    }

    private String create(boolean staff) {
        return create(staff, false);
    }

    private String create(boolean staff, boolean superuser) {
        String username = "user" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
        users.create(username, username + "@example.com", PASSWORD_HASH, staff, superuser);
        return username;
    }
}
