package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hato.sms.support.ApiClient;
import dev.hato.sms.support.HttpTest;
import dev.hato.sms.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a request costs in session reads, counted by PostgreSQL itself (pg_stat_statements): one read
 * per request, also for a refused one whose problem response is committed before Spring Session's
 * filter returns (without {@link SessionReadMemo} Spring Session read such a session twice).
 */
class SessionReadsHttpTest extends HttpTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRefusedRequestReadsItsSessionOnceLikeAnAcceptedOne() {
        ApiClient session = client();
        session.login(testUsers.staff(), TestUsers.PASSWORD);
        long customerId = session.post("/api/customers", Map.of("phone_number", "09012340001"))
                .json()
                .path("id")
                .asLong();

        long before = sessionReads();
        for (int i = 0; i < 4; i++) {
            assertThat(session.post("/api/tokens", Map.of()).status()).isEqualTo(400);
        }
        assertThat(session.post("/api/tokens", Map.of("customer_id", customerId))
                        .status())
                .isEqualTo(201);
        assertThat(session.get("/api/auth/me").status()).isEqualTo(200);

        assertThat(sessionReads() - before).as("session reads for 6 requests").isEqualTo(6);
    }

    @Test
    void aSessionEndedByLogoutIsNotServedFromTheRequestsMemory() {
        ApiClient session = client();
        session.login(testUsers.staff(), TestUsers.PASSWORD);

        assertThat(session.post("/api/auth/logout", null).status()).isEqualTo(204);

        assertThat(session.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(session.post("/api/customers", Map.of("phone_number", "09012340002"))
                        .status())
                .isEqualTo(401);
    }

    private long sessionReads() {
        return jdbc.sql("""
                        select coalesce(sum(calls), 0) from pg_stat_statements
                        where regexp_replace(query, '\\s+', ' ', 'g')
                              ilike '%from spring_session s left join spring_session_attributes%s.session_id = $1'""").query(Long.class).single();
    }
}
