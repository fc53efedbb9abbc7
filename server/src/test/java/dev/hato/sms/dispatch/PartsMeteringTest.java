package dev.hato.sms.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End User Messaging meters message parts per second: with a provider that meters parts, the shared
 * rate limiter reserves a slot per part, so 3-part messages at 10 parts/s go out at 10/3 messages/s.
 */
class PartsMeteringTest {

    /** The counting provider, metering parts as End User Messaging does. */
    static final class PartsProvider extends SharedDispatchTest.CountingProvider {
        @Override
        public boolean metersParts() {
            return true;
        }
    }

    @Test
    void withTenPartsPerSecondThreePartMessagesGoOutAtThreeAndAThirdPerSecond() throws Exception {
        try (OutboxDatabase db = new OutboxDatabase("dispatch_parts")) {
            db.queue(15, 3);
            PartsProvider provider = new PartsProvider();
            Dispatcher dispatcher = db.dispatcher(
                    provider, OutboxDatabase.properties(10, 3, Duration.ofMillis(50), Duration.ofSeconds(60)));
            dispatcher.start();
            try {
                db.awaitSettled(Duration.ofSeconds(30));
            } finally {
                dispatcher.stop();
            }

            List<Instant> times = new ArrayList<>(provider.times);
            times.sort(null);
            // From the first call to the last: 14 intervals of 3 parts each at 10 parts/s (and 2 % slack).
            double seconds =
                    Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
            double perSecond = (times.size() - 1) / seconds;
            int busiest = SharedDispatchTest.CountingProvider.busiestSecond(times);
            System.out.printf(
                    "parts metering: 15 three-part messages at 10 parts/s: %.2f messages/s, busiest 1 s window %d%n",
                    perSecond, busiest);
            assertThat(times).hasSize(15);
            assertThat(perSecond).isBetween(3.0, 3.5);
            // Starts 0.306 s apart: a one-second window holds at most four of them.
            assertThat(busiest).isLessThanOrEqualTo(4);
        }
    }
}
