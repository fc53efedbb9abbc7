package dev.hato.sms.token;

import dev.hato.sms.web.ApiProblem;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumes one-time tokens inside the caller's transaction, in one statement: the update both checks
 * the token (this customer's, unused, not expired) and marks it used, and its row lock makes a second
 * concurrent send with the same token wait and then find it used. If the caller's transaction rolls
 * back, the token is unused again. Only a refused token costs a second statement, to say why.
 */
@Component
public class SendTokens {

    private static final RowMapper<Row> TOKEN_ROWS = new DataClassRowMapper<>(Row.class);

    private record Row(long customerId, OffsetDateTime expiresAt, OffsetDateTime usedAt, boolean expired) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    SendTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks the token used by this transaction, or throws the reason it cannot be used. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(String token, long customerId) {
        byte[] hash = TokenHash.of(token);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int consumed = jdbc.sql("update send_tokens set used_at = ? where token_hash = ? and customer_id = ?"
                        + " and used_at is null and expires_at > ?")
                .param(now)
                .param(hash)
                .param(customerId)
                .param(now)
                .update();
        if (consumed == 0) {
            throw refusal(hash, customerId);
        }
    }

    private ApiProblem refusal(byte[] hash, long customerId) {
        Row row = jdbc.sql("select customer_id, expires_at, used_at, expires_at <= ? as expired"
                        + " from send_tokens where token_hash = ?")
                .param(OffsetDateTime.now(clock))
                .param(hash)
                .query(TOKEN_ROWS)
                .optional()
                .orElse(null);
        if (row == null) {
            return TokenProblems.UNKNOWN.exception("This token was never issued");
        }
        if (row.usedAt() != null) {
            return TokenProblems.USED.exception("This token was used at " + row.usedAt());
        }
        if (row.customerId() != customerId) {
            return TokenProblems.CUSTOMER_MISMATCH.exception("This token was issued for another customer");
        }
        return TokenProblems.EXPIRED.exception("This token expired at " + row.expiresAt());
    }
}
