package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sessions end with their user: password change, deactivation, lost staff flag, absolute lifetime. */
class SessionSafetyHttpTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    UserImport userImport;

    @Autowired
    UserFingerprints fingerprints;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    @Test
    void changingThePasswordEndsTheUsersSessionsAtOnce() {
        String username = testUsers.staff();
        ApiClient session = loggedIn(username);

        users.setPassword(username, passwordEncoder.encode("a brand new password"));

        ApiClient.Response me = session.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.type()).isIn("urn:sms:problem:session-expired", "urn:sms:problem:session-revoked");
        assertThat(session.post("/api/customers", Map.of("phone_number", "09011112222"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void loggingInRightAfterAPasswordChangeGivesASessionThatWorks() {
        String username = testUsers.staff();
        ApiClient old = loggedIn(username);
        assertThat(old.get("/api/auth/me").status()).isEqualTo(200); // this instance now holds a copy

        users.setPassword(username, passwordEncoder.encode("a brand new password"));
        ApiClient fresh = client();
        assertThat(fresh.login(username, "a brand new password").status()).isEqualTo(200);

        // Within the recheck interval: the stale copy must not end the new session.
        assertThat(fresh.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(old.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aFixtureThatDeactivatesTheUserEndsItsSessions() {
        String username = testUsers.staff();
        ApiClient session = loggedIn(username);

        userImport.upsertUser(
                new UserImport.ImportedUser(null, username, "", null, "", "", true, false, false, null, null));

        assertThat(session.get("/api/auth/me").status()).isEqualTo(401);
    }

    @Test
    void aChangeMadeBehindTheServicesBackEndsTheSessionOnceTheCopyIsRechecked() {
        String username = testUsers.staff();
        ApiClient session = loggedIn(username);
        long id = idOf(username);

        jdbc.sql("update users set is_staff = false where id = ?").param(id).update();
        fingerprints.forget(id); // as if the recheck interval had passed

        ApiClient.Response me = session.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.type()).isEqualTo("urn:sms:problem:session-revoked");
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverOftenItIsUsed() {
        String username = testUsers.staff();
        ApiClient session = loggedIn(username);
        assertThat(session.get("/api/auth/me").status()).isEqualTo(200);

        jdbc.sql("update spring_session set creation_time = creation_time - 25 * 3600 * 1000,"
                        + " last_access_time = ? where principal_name = ?")
                .params(System.currentTimeMillis(), username)
                .update();

        ApiClient.Response me = session.get("/api/auth/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.type()).isEqualTo("urn:sms:problem:session-expired");
    }

    @Test
    void aNonStaffUsersRightPasswordIsAnsweredAsAWrongOneAndCountedAsOne() {
        String nonStaff = testUsers.nonStaff();

        ApiClient.Response right = client().login(nonStaff, TestUsers.PASSWORD);
        ApiClient.Response wrong = client().login(nonStaff, "wrong-password");

        assertThat(right.status()).isEqualTo(401);
        assertThat(right.type()).isEqualTo("urn:sms:problem:invalid-credentials");
        assertThat(right.json().path("detail").asString())
                .isEqualTo(wrong.json().path("detail").asString());
        assertThat(jdbc.sql("select last_login is null from users where username = ?")
                        .param(nonStaff)
                        .query(Boolean.class)
                        .single())
                .as("no last_login for a login that did not happen")
                .isTrue();
        for (int i = 0; i < 3; i++) {
            client().login(nonStaff, TestUsers.PASSWORD);
        }
        assertThat(client().login(nonStaff, TestUsers.PASSWORD).status())
                .as("five right passwords of a non-staff account count as five failures")
                .isEqualTo(429);
    }

    @Test
    void aUsernameOf150CharactersLogsInAndKeepsItsSession() {
        String username = "u".repeat(140) + System.nanoTime();
        username = username.substring(username.length() - 150);
        users.create(username, "", passwordEncoder.encode(TestUsers.PASSWORD), true, false);

        ApiClient session = loggedIn(username);

        assertThat(session.get("/api/auth/me").json().path("username").asString())
                .isEqualTo(username);
    }

    private ApiClient loggedIn(String username) {
        ApiClient client = client();
        ApiClient.Response login = client.login(username, TestUsers.PASSWORD);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return client;
    }

    private long idOf(String username) {
        return jdbc.sql("select id from users where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }
}
