package dev.hato.sms.auth;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes users and profiles that come from outside the API (Django fixtures, the demo user). The
 * {@code users} and {@code profiles} tables belong to this module, so the SQL lives here; parsing a
 * fixture is the caller's business.
 */
@Repository
public class UserImport {

    /**
     * One user as a fixture states it. A null {@code id} matches by username; a null {@code password}
     * keeps the password a user already has (reloading a fixture must not lock anyone out).
     */
    public record ImportedUser(
            @Nullable Long id,
            String username,
            String email,
            @Nullable String password,
            String firstName,
            String lastName,
            boolean staff,
            boolean superuser,
            boolean active,
            @Nullable Instant dateJoined,
            @Nullable Instant lastLogin) {}

    private final JdbcClient jdbc;

    /**
     * Whether a fixture's password hash can be used: empty or Django's unusable "!..." (no login), a
     * bcrypt hash, or a Django PBKDF2 hash with iterations in Django's range.
     */
    public static boolean isAcceptableHash(String hash) {
        return hash.isEmpty() || hash.startsWith("!") || HatoPasswordEncoder.isUsableHash(hash);
    }

    UserImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates the user; a changed password or permission ends the user's sessions. */
    public void upsertUser(ImportedUser u) {
        String before = standing(u.username());
        String conflict = u.id() == null ? "(username)" : "(id)";
        jdbc.sql("insert into users (" + (u.id() == null ? "" : "id, ")
                        + "username, email, password, first_name, last_name, is_staff, is_superuser, is_active,"
                        + " date_joined, last_login) values (" + (u.id() == null ? "" : ":id, ")
                        + ":username, :email, coalesce(:password, ''), :firstName, :lastName, :staff, :superuser,"
                        + " :active, coalesce(:dateJoined, now()), :lastLogin) on conflict " + conflict
                        + " do update set username = excluded.username, email = excluded.email,"
                        + " password = coalesce(:password, users.password),"
                        + " first_name = excluded.first_name, last_name = excluded.last_name,"
                        + " is_staff = excluded.is_staff, is_superuser = excluded.is_superuser,"
                        + " is_active = excluded.is_active, date_joined = coalesce(:dateJoined, users.date_joined),"
                        + " last_login = coalesce(:lastLogin, users.last_login)")
                .param("id", u.id())
                .param("username", u.username())
                .param("email", u.email())
                .param("password", u.password())
                .param("firstName", u.firstName())
                .param("lastName", u.lastName())
                .param("staff", u.staff())
                .param("superuser", u.superuser())
                .param("active", u.active())
                .param("dateJoined", u.dateJoined() == null ? null : java.sql.Timestamp.from(u.dateJoined()))
                .param("lastLogin", u.lastLogin() == null ? null : java.sql.Timestamp.from(u.lastLogin()))
                .update();
        if (before != null && !before.equals(standing(u.username()))) {
            jdbc.sql("delete from spring_session where principal_name = ?")
                    .param(u.username())
                    .update();
        }
    }

    /** What a session depends on: password hash and flags (null when there is no such user). */
    private @Nullable String standing(String username) {
        return jdbc.sql("select password || '|' || is_active || '|' || is_staff || '|' || is_superuser from users"
                        + " where username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    public Optional<Long> idOf(String username) {
        return jdbc.sql("select id from users where username = ?")
                .param(username)
                .query(Long.class)
                .optional();
    }

    public boolean exists(long userId) {
        return jdbc.sql("select exists(select 1 from users where id = ?)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** The user whose profile holds this employee id, if any. */
    public Optional<Long> profileHolder(String employeeId) {
        return jdbc.sql("select user_id from profiles where employee_id = ?")
                .param(employeeId)
                .query(Long.class)
                .optional();
    }

    /** A null {@code id} matches the profile by its user. */
    public void upsertProfile(@Nullable Long id, long userId, String employeeId, String fullName) {
        String conflict = id == null ? "(user_id)" : "(id)";
        jdbc.sql("insert into profiles (" + (id == null ? "" : "id, ") + "user_id, employee_id, full_name) values ("
                        + (id == null ? "" : ":id, ") + ":userId, :employeeId, :fullName) on conflict " + conflict
                        + " do update set user_id = excluded.user_id, employee_id = excluded.employee_id,"
                        + " full_name = excluded.full_name")
                .param("id", id)
                .param("userId", userId)
                .param("employeeId", employeeId)
                .param("fullName", fullName)
                .update();
    }

    /** After rows with explicit ids, the identity sequences continue above the highest id. */
    public void resyncIdentities() {
        for (String table : new String[] {"users", "profiles"}) {
            jdbc.sql("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce((select max(id) from "
                            + table + "), 0) + 1, false)")
                    .query(Long.class)
                    .single();
        }
    }
}
