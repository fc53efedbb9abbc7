package dev.hato.sms.token;

import dev.hato.sms.web.ApiProblem;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks and consumes one-time tokens inside the caller's transaction. {@link #lock} takes a row
 * lock, so of two concurrent sends with one token the second waits and then sees it used.
 */
@Component
public class SendTokens {

    private static final RowMapper<Row> TOKEN_ROWS = new DataClassRowMapper<>(Row.class);

    /** A token that passed every check and is locked until the caller's transaction ends. */
    public record Locked(long id) {}

    private record Row(long id, long customerId, OffsetDateTime expiresAt, OffsetDateTime usedAt, boolean expired) {}

    private final JdbcClient jdbc;

    SendTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Locked lock(String token, long customerId) {
        Row row = jdbc.sql("select id, customer_id, expires_at, used_at, expires_at <= now() as expired"
                        + " from send_tokens where token_hash = ? for update")
                .param(TokenHash.of(token))
                .query(TOKEN_ROWS)
                .optional()
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.BAD_REQUEST, "token-unknown", "Unknown token", "This token was never issued"));
        if (row.usedAt() != null) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "token-used", "Token already used", "This token was used at " + row.usedAt());
        }
        if (row.customerId() != customerId) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "token-customer-mismatch",
                    "Token belongs to another customer",
                    "This token was issued for another customer");
        }
        if (row.expired()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "token-expired",
                    "Token expired",
                    "This token expired at " + row.expiresAt());
        }
        return new Locked(row.id());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(Locked token) {
        jdbc.sql("update send_tokens set used_at = now() where id = ?")
                .param(token.id())
                .update();
    }
}
