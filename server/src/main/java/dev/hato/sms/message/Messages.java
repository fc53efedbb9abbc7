package dev.hato.sms.message;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of messages and their events; every write goes through {@link Outbox}. */
@Repository
class Messages {

    record HistoryFilter(
            @Nullable Long customerId,
            @Nullable String e164,
            @Nullable MessageStatus status,
            @Nullable OffsetDateTime since,
            @Nullable OffsetDateTime until,
            @Nullable Long sentBy) {}

    private static final RowMapper<MessageDetail.Event> EVENT_ROWS =
            new DataClassRowMapper<>(MessageDetail.Event.class);

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MessageView> find(long id) {
        return jdbc.sql("select " + MessageView.COLUMNS + " from messages where id = ?")
                .param(id)
                .query(MessageView::map)
                .optional();
    }

    List<MessageDetail.Event> events(long messageId) {
        return jdbc.sql("select status, detail, created_at from message_events where message_id = ? order by id")
                .param(messageId)
                .query(EVENT_ROWS)
                .list();
    }

    /** Newest first below {@code belowId}; every filter is an indexed column, and there is no OFFSET. */
    List<MessageView> page(HistoryFilter filter, long belowId, int rows) {
        return filtered(filter, "id < :below", " limit :rows")
                .param("below", belowId)
                .param("rows", rows)
                .query(MessageView::map)
                .list();
    }

    /**
     * Every message the filter matches, newest first, handed over one at a time from a server-side
     * cursor (a fetch size inside a read-only transaction: PostgreSQL's driver only streams then), so
     * that a million rows pass through flat memory.
     */
    @Transactional(readOnly = true)
    void each(HistoryFilter filter, Consumer<MessageView> row) {
        int[] n = {0};
        filtered(filter, "true", "").withFetchSize(STREAM_FETCH_SIZE).query((RowCallbackHandler) rs -> {
            row.accept(MessageView.map(rs, n[0]++));
        });
    }

    private static final int STREAM_FETCH_SIZE = 1000;

    private JdbcClient.StatementSpec filtered(HistoryFilter filter, String first, String tail) {
        List<String> where = new ArrayList<>(List.of(first));
        if (filter.customerId() != null) where.add("customer_id = :customerId");
        if (filter.e164() != null) where.add("phone_number_e164 = :e164");
        if (filter.status() != null) where.add("status = :status");
        if (filter.since() != null) where.add("created_at >= :since");
        if (filter.until() != null) where.add("created_at < :until");
        if (filter.sentBy() != null) where.add("sent_by = :sentBy");
        return jdbc.sql("select " + MessageView.COLUMNS + " from messages where " + String.join(" and ", where)
                        + " order by id desc" + tail)
                .param("customerId", filter.customerId())
                .param("e164", filter.e164())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().value())
                .param("since", filter.since())
                .param("until", filter.until())
                .param("sentBy", filter.sentBy());
    }
}
