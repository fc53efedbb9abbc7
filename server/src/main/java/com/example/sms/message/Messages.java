package com.example.sms.message;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Messages {

    record NewMessage(
            long customerId, long templateId, String e164, String body, String encoding, int segments, long sentBy) {}

    record HistoryFilter(
            Long customerId, String e164, String status, OffsetDateTime since, OffsetDateTime until, Long sentBy) {}

    private static final RowMapper<MessageDetail.Event> EVENT_ROWS =
            new DataClassRowMapper<>(MessageDetail.Event.class);

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a queued message and its first status event, in one statement. */
    MessageView insert(NewMessage m) {
        return jdbc.sql("with m as (insert into messages (customer_id, template_id, phone_number_e164, body, encoding,"
                        + " segments, sent_by) values (?, ?, ?, ?, ?, ?, ?) returning " + MessageView.COLUMNS + "),"
                        + " e as (insert into message_events (message_id, status, detail)"
                        + " select id, 'queued', 'accepted' from m) select " + MessageView.COLUMNS + " from m")
                .params(m.customerId(), m.templateId(), m.e164(), m.body(), m.encoding(), m.segments(), m.sentBy())
                .query(MessageView::map)
                .single();
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
        List<String> where = new ArrayList<>(List.of("id < :below"));
        if (filter.customerId() != null) where.add("customer_id = :customerId");
        if (filter.e164() != null) where.add("phone_number_e164 = :e164");
        if (filter.status() != null) where.add("status = :status");
        if (filter.since() != null) where.add("created_at >= :since");
        if (filter.until() != null) where.add("created_at < :until");
        if (filter.sentBy() != null) where.add("sent_by = :sentBy");
        return jdbc.sql("select " + MessageView.COLUMNS + " from messages where " + String.join(" and ", where)
                        + " order by id desc limit :rows")
                .param("below", belowId)
                .param("customerId", filter.customerId())
                .param("e164", filter.e164())
                .param("status", filter.status())
                .param("since", filter.since())
                .param("until", filter.until())
                .param("sentBy", filter.sentBy())
                .param("rows", rows)
                .query(MessageView::map)
                .list();
    }
}
