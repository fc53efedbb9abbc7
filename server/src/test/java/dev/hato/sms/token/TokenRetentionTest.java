package dev.hato.sms.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.LoggedInTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TokenRetentionTest extends LoggedInTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenRetention retention;

    @Test
    void tokensExpiredLongAgoArePurgedAndLiveOnesKept() {
        long customer = api.customer(uniqueMobile());
        api.token(customer);
        api.token(customer);
        long oldest = jdbc.sql("select min(id) from send_tokens where customer_id = ?")
                .param(customer)
                .query(Long.class)
                .single();
        jdbc.sql("update send_tokens set expires_at = now() - interval '8 days' where id = ?")
                .param(oldest)
                .update();

        retention.purge();

        assertThat(jdbc.sql("select count(*) from send_tokens where customer_id = ?")
                        .param(customer)
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
