package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.MapSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

class TouchThrottlingSessionRepositoryTest {

    @Test
    void lastAccessMovesOnlyOncePerInterval() {
        MapSession stored = new MapSession();
        Instant start = stored.getLastAccessedTime();
        var session = new TouchThrottlingSessionRepository.ThrottledSession(stored, Duration.ofSeconds(60));

        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start);

        session.setLastAccessedTime(start.plusSeconds(60));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void attributesPassStraightThrough() {
        MapSession stored = new MapSession();
        var session = new TouchThrottlingSessionRepository.ThrottledSession(stored, Duration.ofSeconds(60));

        session.setAttribute("a", "b");

        assertThat((String) stored.getAttribute("a")).isEqualTo("b");
        assertThat(session.getId()).isEqualTo(stored.getId());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aSessionThatCannotBeSavedIsLoggedByAShortHashNeverByItsId(CapturedOutput output) {
        // Nothing listens on port 9 of loopback: every connection is refused, as in a database outage.
        DriverManagerDataSource unreachable =
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/none?connectTimeout=2", "x", "x");
        var repository = new TouchThrottlingSessionRepository(
                new JdbcIndexedSessionRepository(
                        new JdbcTemplate(unreachable),
                        new TransactionTemplate(new DataSourceTransactionManager(unreachable))),
                Duration.ofSeconds(60));
        var session = repository.createSession();
        session.setAttribute("a", "b");

        repository.save(session);

        assertThat(output.getOut())
                .contains("not saved, database unavailable")
                .contains(TouchThrottlingSessionRepository.forLog(session.getId()))
                .doesNotContain(session.getId());
    }
}
