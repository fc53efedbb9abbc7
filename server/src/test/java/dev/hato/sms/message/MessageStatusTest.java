package dev.hato.sms.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.HttpTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class MessageStatusTest extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTablesCheckConstraintAllowsExactlyTheStatusesOfTheEnum() {
        String check = jdbc.sql("select pg_get_constraintdef(oid) from pg_constraint"
                        + " where conrelid = 'messages'::regclass and contype = 'c'"
                        + " and pg_get_constraintdef(oid) like '%status%'")
                .query(String.class)
                .single();

        var allowed = java.util.regex.Pattern.compile("'(\\w+)'")
                .matcher(check)
                .results()
                .map(m -> m.group(1))
                .sorted()
                .toList();
        assertThat(allowed)
                .containsExactlyElementsOf(Arrays.stream(MessageStatus.values())
                        .map(MessageStatus::value)
                        .sorted()
                        .toList());
    }

    @Test
    void parsesOnlyItsOwnNames() {
        assertThat(MessageStatus.parse("sent")).contains(MessageStatus.SENT);
        assertThat(MessageStatus.parse("SENT")).isEmpty();
        assertThat(MessageStatus.names()).isEqualTo("queued, sending, sent, failed, delivered, undelivered, unknown");
    }
}
