package dev.hato.sms.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the audit trail, newest first, by keyset; nothing here writes. */
@Repository
class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Filter(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable OffsetDateTime since,
            @Nullable OffsetDateTime until) {}

    /** One entry as the API shows it. */
    record Entry(
            long id,
            OffsetDateTime at,
            String action,
            @Nullable Long actorId,
            @Nullable String actorUsername,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable String address,
            @Nullable String requestId,
            @Nullable JsonNode before,
            @Nullable JsonNode after) {}

    private static final String COLUMNS = "id, at, action, actor_id, actor_username, object_type, object_id, address,"
            + " request_id, before::text, after::text";

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> page(Filter filter, long belowId, int rows) {
        return filtered(filter, "id < :below", " limit :rows")
                .param("below", belowId)
                .param("rows", rows)
                .query(AuditLog::map)
                .list();
    }

    /** Every matching entry from a server-side cursor (see Messages#each): flat memory for the export. */
    @Transactional(readOnly = true)
    void each(Filter filter, Consumer<Entry> row) {
        int[] n = {0};
        filtered(filter, "true", "").withFetchSize(1000).query((RowCallbackHandler) rs -> row.accept(map(rs, n[0]++)));
    }

    private JdbcClient.StatementSpec filtered(Filter filter, String first, String tail) {
        List<String> where = new ArrayList<>(List.of(first));
        if (filter.actor() != null) where.add("actor_username = :actor");
        if (filter.action() != null) where.add("action = :action");
        if (filter.objectType() != null) where.add("object_type = :objectType");
        if (filter.objectId() != null) where.add("object_id = :objectId");
        if (filter.since() != null) where.add("at >= :since");
        if (filter.until() != null) where.add("at < :until");
        return jdbc.sql("select " + COLUMNS + " from audit_events where " + String.join(" and ", where)
                        + " order by id desc" + tail)
                .param("actor", filter.actor())
                .param("action", filter.action())
                .param("objectType", filter.objectType())
                .param("objectId", filter.objectId())
                .param("since", filter.since())
                .param("until", filter.until());
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        long actorId = rs.getLong(4);
        Long actor = rs.wasNull() ? null : actorId;
        return new Entry(
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class),
                rs.getString(3),
                actor,
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                json(rs.getString(10)),
                json(rs.getString(11)));
    }

    private static @Nullable JsonNode json(@Nullable String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
