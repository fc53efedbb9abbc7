package dev.hato.sms.message;

import dev.hato.sms.web.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key bookkeeping, inside the send transaction. Claiming inserts the key first: a
 * concurrent request with the same key blocks on the unique index until the first commits (then
 * sees its message) or rolls back (then claims the key itself). A key stands for one request: its
 * canonical JSON is hashed, and the same key with another body is refused.
 */
@Component
class Idempotency {

    private static final RowMapper<Previous> PREVIOUS_ROWS = new DataClassRowMapper<>(Previous.class);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private record Previous(byte[] requestHash, Long messageId) {}

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empty when this request now owns the key; otherwise the message the first request with it stored.
     * 400 for a malformed key, 422 {@code idempotency-key-reused} for the same key with another request.
     */
    Optional<Long> claim(long userId, String key, SendRequest request) {
        if (key.isBlank() || key.length() > 255) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 255 characters");
        }
        byte[] requestHash = hash(request);
        int inserted = jdbc.sql("insert into idempotency_keys (user_id, key, request_hash) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(userId, key, requestHash)
                .update();
        if (inserted == 1) {
            return Optional.empty();
        }
        Previous previous = jdbc.sql(
                        "select request_hash, message_id from idempotency_keys where user_id = ? and key = ?")
                .params(userId, key)
                .query(PREVIOUS_ROWS)
                .single();
        if (!Arrays.equals(previous.requestHash(), requestHash)) {
            throw MessageProblems.IDEMPOTENCY_KEY_REUSED.exception(
                    "This Idempotency-Key was used for a different request");
        }
        return Optional.of(previous.messageId());
    }

    void complete(long userId, String key, long messageId) {
        jdbc.sql("update idempotency_keys set message_id = ? where user_id = ? and key = ?")
                .params(messageId, userId, key)
                .update();
    }

    private static byte[] hash(SendRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
