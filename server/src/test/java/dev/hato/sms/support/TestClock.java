package dev.hato.sms.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that runs with the wall clock from wherever a test set it: a test moves it forward instead of
 * sleeping, or stops it ({@link #freezeAt}) to stay inside one window. Every HTTP test's service uses
 * the one of its context ({@link Config}); tests that move it put it back with {@link #reset()}.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen.get();
        return stopped != null ? stopped : Instant.now().plus(offset.get());
    }

    /** Moves time forward (a frozen clock stays frozen, at the later instant). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
        frozen.updateAndGet(at -> at == null ? null : at.plus(by));
    }

    /** Stops the clock at {@code at}, until {@link #advance} or {@link #reset}. */
    public void freezeAt(Instant at) {
        frozen.set(at);
    }

    /** Back to the wall clock. */
    public void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    /** The service's clock in a test's context: injected wherever the service takes its {@code Clock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        public TestClock testClock() {
            return new TestClock();
        }
    }
}
