package dev.hato.sms.support;

import dev.hato.sms.auth.Users;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates staff users with unique names, so tests sharing one database never collide. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Users users;
    private final PasswordEncoder passwordEncoder;

    public TestUsers(Users users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
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
        users.create(username, username + "@example.com", passwordEncoder.encode(PASSWORD), staff, superuser);
        return username;
    }
}
