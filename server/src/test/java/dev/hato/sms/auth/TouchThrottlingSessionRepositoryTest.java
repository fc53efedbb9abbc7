package dev.hato.sms.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

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
}
