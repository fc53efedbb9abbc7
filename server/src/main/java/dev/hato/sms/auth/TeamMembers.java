package dev.hato.sms.auth;

import dev.hato.sms.web.ClockSql;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The team's reads and writes of {@code users}, {@code profiles} and the sessions they hold. */
@Repository
class TeamMembers {

    private static final RowMapper<TeamRequests.Member> ROWS = new DataClassRowMapper<>(TeamRequests.Member.class);

    // A session counts while it holds its fingerprint (Users#revokeSessions removes it). Failed logins are
    // filled in from the throttle.
    private static final String SELECT = """
            select u.id, u.username, u.email, p.full_name, p.employee_id, u.is_staff, u.is_superuser,
                   u.is_active, u.must_change_password, u.last_login, u.date_joined,
                   0 as recent_failed_logins,
                   (select count(*) from spring_session s
                     where s.principal_name = u.username and s.expiry_time > :nowMillis
                       and exists (select 1 from spring_session_attributes a
                                   where a.session_primary_id = s.primary_id
                                     and a.attribute_name = :fingerprint)) as sessions_open
            from users u left join profiles p on p.user_id = u.id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final LoginThrottle throttle;

    TeamMembers(JdbcClient jdbc, Clock clock, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.throttle = throttle;
    }

    List<TeamRequests.Member> list() {
        return jdbc
                .sql(SELECT + " order by u.username")
                .param("nowMillis", clock.millis())
                .param("fingerprint", SessionGuard.FINGERPRINT)
                .query(ROWS)
                .list()
                .stream()
                .map(this::withFailures)
                .toList();
    }

    Optional<TeamRequests.Member> find(long id) {
        return jdbc.sql(SELECT + " where u.id = :id")
                .param("nowMillis", clock.millis())
                .param("fingerprint", SessionGuard.FINGERPRINT)
                .param("id", id)
                .query(ROWS)
                .optional()
                .map(this::withFailures);
    }

    private TeamRequests.Member withFailures(TeamRequests.Member m) {
        return new TeamRequests.Member(
                m.id(),
                m.username(),
                m.email(),
                m.fullName(),
                m.employeeId(),
                m.isStaff(),
                m.isSuperuser(),
                m.isActive(),
                m.mustChangePassword(),
                m.lastLogin(),
                m.dateJoined(),
                throttle.recentFailures(m.username()),
                m.sessionsOpen());
    }

    /** The ids of the active superusers, their rows locked until the transaction ends. */
    List<Long> lockActiveSuperusers() {
        return jdbc.sql("select id from users where is_active and is_superuser order by id for update")
                .query(Long.class)
                .list();
    }

    long insert(String username, String email, String passwordHash, boolean superuser) {
        return jdbc.sql(ClockSql.of("""
                        insert into users (username, email, password, is_staff, is_superuser, must_change_password,
                                           date_joined)
                        values (:username, :email, :password, true, :superuser, true, {now}) returning id
                        """))
                .param("username", username)
                .param("email", email)
                .param("password", passwordHash)
                .param("superuser", superuser)
                .param("now", OffsetDateTime.now(clock))
                .query(Long.class)
                .single();
    }

    void setProfile(long userId, String employeeId, String fullName) {
        jdbc.sql("""
                        insert into profiles (user_id, employee_id, full_name) values (?, ?, ?)
                        on conflict (user_id) do update set employee_id = excluded.employee_id,
                                                            full_name = excluded.full_name
                        """).params(userId, employeeId, fullName).update();
    }

    void setFlags(long id, boolean active, boolean superuser, String email) {
        jdbc.sql("update users set is_active = ?, is_superuser = ?, email = ? where id = ?")
                .params(active, superuser, email, id)
                .update();
    }

    void resetPassword(long id, String passwordHash) {
        jdbc.sql("update users set password = ?, must_change_password = true where id = ?")
                .params(passwordHash, id)
                .update();
    }
}
