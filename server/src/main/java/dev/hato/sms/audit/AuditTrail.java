package dev.hato.sms.audit;

import dev.hato.sms.web.ClockSql;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes audit entries. An entry joins the caller's transaction, so a change and its entry commit or
 * roll back together: a change without its entry cannot exist. Who acted comes from the request's
 * security context unless given (a login names its user before there is one), the address and the
 * request id from the request being served. Values before and after are what the caller passes: never
 * a password or a hash.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = ClockSql.of("""
            insert into audit_events (at, action, actor_id, actor_username, object_type, object_id, address,
                                      request_id, before, after)
            values ({now}, :action, :actorId, :actorUsername, :objectType, :objectId, :address, :requestId,
                    cast(:before as jsonb), cast(:after as jsonb))
            """);

    /** An actor named explicitly: the user of a login, or a username nobody has (a failed login). */
    public record Named(@Nullable Long userId, String username) implements AuditActor {
        @Override
        public long id() {
            return userId == null ? 0 : userId;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** An entry by whoever the request is authenticated as. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(
            AuditAction action,
            @Nullable String objectType,
            @Nullable Object objectId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        write(action, current(), objectType, objectId, before, after);
    }

    /** An entry by the given actor (login and login failures, where the context holds nobody yet). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(
            AuditActor actor,
            AuditAction action,
            @Nullable String objectType,
            @Nullable Object objectId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        write(action, actor, objectType, objectId, before, after);
    }

    private void write(
            AuditAction action,
            @Nullable AuditActor actor,
            @Nullable String objectType,
            @Nullable Object objectId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        HttpServletRequest request = request();
        Long actorId = actor == null || (actor instanceof Named named && named.userId() == null) ? null : actor.id();
        jdbc.sql(INSERT)
                .param("now", OffsetDateTime.now(clock))
                .param("action", action.value())
                .param("actorId", actorId)
                .param("actorUsername", actor == null ? null : truncate(actor.username(), 150))
                .param("objectType", objectType)
                .param("objectId", objectId == null ? null : truncate(objectId.toString(), 64))
                .param("address", request == null ? null : truncate(request.getRemoteAddr(), 64))
                .param("requestId", MDC.get("request_id"))
                .param("before", before == null ? null : JSON.writeValueAsString(before))
                .param("after", after == null ? null : JSON.writeValueAsString(after))
                .update();
    }

    private static @Nullable AuditActor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuditActor actor ? actor : null;
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
