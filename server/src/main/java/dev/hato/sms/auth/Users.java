package dev.hato.sms.auth;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class Users {

    private static final RowMapper<StaffUser> USER_ROWS = new DataClassRowMapper<>(StaffUser.class);

    private static final String SELECT = """
            select u.id, u.username, u.email, u.password, u.is_staff, u.is_superuser, u.is_active,
                   p.employee_id, p.full_name, u.must_change_password
            from users u left join profiles p on p.user_id = u.id
            """;

    private final JdbcClient jdbc;

    public Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StaffUser> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = ?")
                .param(username)
                .query(USER_ROWS)
                .optional();
    }

    Optional<StaffUser> findById(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(USER_ROWS).optional();
    }

    /** For showing who did something: the username of a user id, if the user still exists. */
    public Optional<String> username(long id) {
        return jdbc.sql("select username from users where id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public boolean exists(String username) {
        return jdbc.sql("select exists(select 1 from users where username = ?)")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    public long create(String username, String email, String passwordHash, boolean staff, boolean superuser) {
        return jdbc.sql("""
                        insert into users (username, email, password, is_staff, is_superuser)
                        values (?, ?, ?, ?, ?) returning id
                        """)
                .params(username, email, passwordHash, staff, superuser)
                .query(Long.class)
                .single();
    }

    /** Sets the password and ends every session of the user (on every instance: sessions live here). */
    public boolean setPassword(String username, String passwordHash) {
        boolean changed = jdbc.sql("update users set password = ? where username = ?")
                        .params(passwordHash, username)
                        .update()
                == 1;
        endSessions(username);
        return changed;
    }

    /**
     * The member's own change: the new hash, no forced change pending, and every session of theirs ended
     * but {@code keepSessionId} (the one that asked).
     */
    @Transactional
    void changeOwnPassword(long id, String passwordHash, String username, String keepSessionId) {
        jdbc.sql("update users set password = ?, must_change_password = false where id = ?")
                .params(passwordHash, id)
                .update();
        revokeSessions(username, "s.session_id <> :id", keepSessionId);
    }

    /**
     * Ends the user's sessions at their next request, on whichever instance: their fingerprint is
     * removed from the shared session store, so the session guard finds them revoked and the console
     * can say why (a deleted session would only look expired). {@code which} narrows them (SQL on
     * {@code spring_session s} with {@code :id}), null for all. Answers how many were open.
     */
    int revokeSessions(String username, @Nullable String which, @Nullable String id) {
        return jdbc.sql("delete from spring_session_attributes where attribute_name = :fingerprint and"
                        + " session_primary_id in (select s.primary_id from spring_session s"
                        + " where s.principal_name = :username" + (which == null ? "" : " and " + which) + ")")
                .param("fingerprint", SessionGuard.FINGERPRINT)
                .param("username", username)
                .param("id", id)
                .update();
    }

    /** Ends every session of the user; other instances notice at the user's next request. */
    public void endSessions(String username) {
        jdbc.sql("delete from spring_session where principal_name = ?")
                .param(username)
                .update();
    }

    /** Only replaces the hash the login just verified, so a concurrent password change is never undone. */
    boolean upgradePassword(long id, String verifiedHash, String newHash) {
        return jdbc.sql("update users set password = ? where id = ? and password = ?")
                        .params(newHash, id, verifiedHash)
                        .update()
                == 1;
    }

    void touchLastLogin(long id) {
        jdbc.sql("update users set last_login = now() where id = ?").param(id).update();
    }
}
