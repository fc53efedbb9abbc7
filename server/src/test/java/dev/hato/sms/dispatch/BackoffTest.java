package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff defaults = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void delaysGrowExponentiallyWithJitterUpToTheMaximum() {
        for (int i = 0; i < 100; i++) {
            assertThat(defaults.after(1)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(defaults.after(4)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(defaults.after(30)).isBetween(Duration.ofMinutes(5).dividedBy(2), Duration.ofMinutes(5));
        }
    }

    @Test
    void theDefaultScheduleRidesOutAFiveMinuteOutage() {
        // Default sms.dispatch.max-attempts is 12: eleven waits between twelve attempts, at their shortest.
        assertThat(defaults.minimumTotal(11)).isGreaterThan(Duration.ofMinutes(5));
    }
}
