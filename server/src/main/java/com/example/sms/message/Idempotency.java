package com.example.sms.message;

import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency-Key bookkeeping, inside the send transaction. Claiming inserts the key first: a
 * concurrent request with the same key blocks on the unique index until the first commits (then
 * sees its message) or rolls back (then claims the key itself).
 */
@Component
class Idempotency {

    private static final RowMapper<Previous> PREVIOUS_ROWS = new DataClassRowMapper<>(Previous.class);

    record Previous(byte[] requestHash, Long messageId) {}

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when this request now owns the key; otherwise what the first request with it stored. */
    Optional<Previous> claim(long userId, String key, byte[] requestHash) {
        int inserted = jdbc.sql("insert into idempotency_keys (user_id, key, request_hash) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(userId, key, requestHash)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(
                jdbc.sql("select request_hash, message_id from idempotency_keys where user_id = ? and key = ?")
                        .params(userId, key)
                        .query(PREVIOUS_ROWS)
                        .single());
    }

    void complete(long userId, String key, long messageId) {
        jdbc.sql("update idempotency_keys set message_id = ? where user_id = ? and key = ?")
                .params(messageId, userId, key)
                .update();
    }
}
