package dev.hato.sms.auth;

import dev.hato.sms.audit.AuditAction;
import dev.hato.sms.audit.AuditTrail;
import dev.hato.sms.web.ApiProblem;
import dev.hato.sms.web.ClockSql;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own sessions: where and when each started, when it was last used, and ending the
 * others. A session is named by the session store's primary id, never by its cookie value. Ending
 * one revokes it ({@link Users#revokeSessions}).
 */
@Repository
class OwnSessions {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");

    /** One open session as its owner sees it. */
    record Session(
            String id,
            OffsetDateTime started,
            OffsetDateTime lastUsed,
            @Nullable String address,
            @Nullable String browser,
            boolean current) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final Users users;

    OwnSessions(JdbcClient jdbc, Clock clock, AuditTrail audit, Users users) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** At login: what the list shows later; rows of this user's ended sessions go. */
    @Transactional
    void started(long userId, String sessionId, @Nullable String address, @Nullable String userAgent) {
        jdbc.sql("""
                        delete from session_details d where d.user_id = ?
                        and not exists (select 1 from spring_session s where s.session_id = d.session_id)""").param(userId).update();
        jdbc.sql(ClockSql.of("""
                        insert into session_details (session_id, user_id, address, user_agent, created_at)
                        values (:id, :user, :address, :agent, {now}) on conflict (session_id) do nothing"""))
                .param("id", sessionId)
                .param("user", userId)
                .param("address", address)
                .param("agent", userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
                .param("now", OffsetDateTime.now(clock))
                .update();
    }

    List<Session> list(StaffPrincipal me, String currentSessionId) {
        return jdbc.sql("""
                        select s.primary_id, s.creation_time, s.last_access_time, d.address, d.user_agent,
                               s.session_id = :current as current
                        from spring_session s left join session_details d on d.session_id = s.session_id
                        where s.principal_name = :username and s.expiry_time > :now
                          and exists (select 1 from spring_session_attributes a
                                      where a.session_primary_id = s.primary_id and a.attribute_name = :fingerprint)
                        order by s.creation_time desc""")
                .param("current", currentSessionId)
                .param("username", me.username())
                .param("now", clock.millis())
                .param("fingerprint", SessionGuard.FINGERPRINT)
                .query((rs, row) -> new Session(
                        rs.getString(1).strip(),
                        time(rs.getLong(2)),
                        time(rs.getLong(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    /** Ends one of the member's other sessions; 404 for an id that is not theirs, 400 for this one. */
    @Transactional
    void end(StaffPrincipal me, String id, String currentSessionId) {
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.notFound("Session", id);
        }
        Boolean current = jdbc.sql(
                        "select session_id = ? from spring_session where primary_id = ? and principal_name = ?")
                .params(currentSessionId, id, me.username())
                .query(Boolean.class)
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("Session", id));
        if (current) {
            throw ApiProblem.invalidField("id", "is this session: log out instead");
        }
        int ended = users.revokeSessions(me.username(), "s.primary_id = :id", id);
        audit.record(AuditAction.MEMBER_SESSIONS_ENDED, "user", me.id(), null, Map.of("ended", ended, "own", true));
    }

    /** Ends every session of the member but this one; answers how many. */
    @Transactional
    int endOthers(StaffPrincipal me, String currentSessionId) {
        int ended = users.revokeSessions(me.username(), "s.session_id <> :id", currentSessionId);
        audit.record(AuditAction.MEMBER_SESSIONS_ENDED, "user", me.id(), null, Map.of("ended", ended, "own", true));
        return ended;
    }

    private static OffsetDateTime time(long millis) {
        return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC);
    }
}
